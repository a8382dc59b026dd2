package io.scrapestream.ingest.scrape.http;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;

/**
 * An HTTP proxy a connection passes: its address and the {@code Proxy-Authorization} value sent
 * with each plain-HTTP request and each {@code CONNECT}, as Go's transport sends the user info of a
 * proxy URL ({@code http://user:password@proxy:3128}).
 *
 * @param authorization {@code Basic <base64(user:password)>}, or empty without user info
 */
public record HttpProxy(InetSocketAddress address, Optional<String> authorization) {
  public HttpProxy {
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(authorization, "authorization");
  }

  /** A proxy without credentials. */
  public static HttpProxy at(InetSocketAddress address) {
    return new HttpProxy(address, Optional.empty());
  }

  /**
   * A proxy whose URL had user info ({@link java.net.URI#getUserInfo()}, decoded): {@code user} or
   * {@code user:password}, Basic credentials as Go's {@code url.Userinfo} gives them.
   */
  public static HttpProxy withUserInfo(InetSocketAddress address, String userInfo) {
    if (userInfo == null) {
      return at(address);
    }
    String credentials = userInfo.indexOf(':') >= 0 ? userInfo : userInfo + ":";
    String encoded =
        Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    return new HttpProxy(address, Optional.of("Basic " + encoded));
  }

  /** Never prints the credentials. */
  @Override
  public String toString() {
    return "HttpProxy[" + address + (authorization.isPresent() ? ", with credentials]" : "]");
  }
}
