package io.scrapestream.ingest.scrape.http;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An HTTP proxy a connection passes: its address, the {@code Proxy-Authorization} value sent with
 * each plain-HTTP request and each {@code CONNECT}, as Go's transport sends the user info of a
 * proxy URL ({@code http://user:password@proxy:3128}), and further {@code CONNECT} header fields
 * ({@code proxy_connect_header}).
 *
 * @param authorization {@code Basic <base64(user:password)>}, or empty without user info
 * @param connectHeaders fields for {@code CONNECT} only, in order; values are secrets
 */
public record HttpProxy(
    InetSocketAddress address,
    Optional<String> authorization,
    List<Map.Entry<String, String>> connectHeaders) {
  public HttpProxy {
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(authorization, "authorization");
    connectHeaders = List.copyOf(connectHeaders);
  }

  /** A proxy without credentials. */
  public static HttpProxy at(InetSocketAddress address) {
    return new HttpProxy(address, Optional.empty(), List.of());
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
    return new HttpProxy(address, Optional.of("Basic " + encoded), List.of());
  }

  /**
   * This proxy with {@code proxy_connect_header}'s fields; a {@code Proxy-Authorization} among them
   * gives way to the URL's credentials, as in Go's transport.
   */
  public HttpProxy withConnectHeaders(Map<String, List<String>> headers) {
    List<Map.Entry<String, String>> fields = new ArrayList<>();
    headers.forEach(
        (name, values) -> {
          if (authorization.isEmpty() || !name.equalsIgnoreCase("Proxy-Authorization")) {
            values.forEach(value -> fields.add(Map.entry(name, value)));
          }
        });
    return new HttpProxy(address, authorization, fields);
  }

  /** The header fields of a {@code CONNECT}, each ending in CRLF. */
  String connectFields() {
    StringBuilder fields = new StringBuilder();
    authorization.ifPresent(v -> fields.append("Proxy-Authorization: ").append(v).append("\r\n"));
    for (Map.Entry<String, String> field : connectHeaders) {
      fields.append(field.getKey()).append(": ").append(field.getValue()).append("\r\n");
    }
    return fields.toString();
  }

  /** Never prints the credentials or the connect header values. */
  @Override
  public String toString() {
    return "HttpProxy["
        + address
        + (authorization.isPresent() ? ", with credentials" : "")
        + (connectHeaders.isEmpty() ? "" : ", " + connectHeaders.size() + " CONNECT header fields")
        + "]";
  }
}
