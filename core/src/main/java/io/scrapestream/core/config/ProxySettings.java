package io.scrapestream.core.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How scrapes reach their targets through an HTTP proxy: {@code proxy_url} with optional {@code
 * no_proxy} (comma-separated hosts, domains, IPs and CIDRs that bypass it), or {@code
 * proxy_from_environment} ({@code HTTP_PROXY}, {@code HTTPS_PROXY}, {@code NO_PROXY}), as in
 * Prometheus; {@code proxy_connect_header} adds header fields (secrets: never printed) to each
 * {@code CONNECT}.
 */
public record ProxySettings(
    Optional<URI> url,
    String noProxy,
    boolean fromEnvironment,
    Map<String, List<String>> connectHeaders) {
  public static final ProxySettings NONE = new ProxySettings(Optional.empty(), "", false);
  private static final Pattern USER_INFO_PASSWORD = Pattern.compile("^([^/]*//[^/@:]*:)[^/@]*@");

  /** Scrapes speak to HTTP proxies only (no HTTPS or SOCKS proxies). */
  static final ValueRule<String> URL_RULE =
      new ValueRule<>(ProxySettings::isHttpProxyUrl, "must be an http:// URL with a host");

  public ProxySettings {
    Objects.requireNonNull(url, "url must not be null");
    Objects.requireNonNull(noProxy, "noProxy must not be null");
    connectHeaders = ConfigCollections.orderedLists("connectHeaders", connectHeaders);
    if (!connectHeaders.isEmpty() && url.isEmpty() && !fromEnvironment) {
      throw new IllegalArgumentException(
          "connectHeaders need a url or fromEnvironment. Found: connectHeaders="
              + connectHeaders.keySet());
    }
    url.ifPresent(
        u -> {
          if (!URL_RULE.test().test(u.toString())) {
            throw new IllegalArgumentException(
                "url "
                    + URL_RULE.expectation()
                    + ". Found: "
                    + ConfigProblems.quote(redacted(u.toString())));
          }
        });
    if (fromEnvironment && (url.isPresent() || !noProxy.isEmpty())) {
      throw new IllegalArgumentException(
          "fromEnvironment excludes url and noProxy. Found: url="
              + url.map(u -> redacted(u.toString())).orElse("")
              + ", noProxy="
              + noProxy);
    }
    if (url.isEmpty() && !noProxy.isEmpty()) {
      throw new IllegalArgumentException(
          "noProxy needs a url. Found: noProxy=" + ConfigProblems.quote(noProxy));
    }
  }

  /** Settings without {@code proxy_connect_header}. */
  public ProxySettings(Optional<URI> url, String noProxy, boolean fromEnvironment) {
    this(url, noProxy, fromEnvironment, Map.of());
  }

  /**
   * The URL as Go's {@code URL.Redacted} prints it: a password in the user info replaced by {@code
   * xxxxx}, for error messages and logs.
   */
  public static String redacted(String url) {
    return USER_INFO_PASSWORD.matcher(url).replaceFirst("$1xxxxx@");
  }

  @Override
  public String toString() {
    return "ProxySettings[url="
        + url.map(u -> redacted(u.toString()))
        + ", noProxy="
        + noProxy
        + ", fromEnvironment="
        + fromEnvironment
        + ", connectHeaders="
        + connectHeaders.keySet()
        + "]";
  }

  private static boolean isHttpProxyUrl(String text) {
    try {
      URI uri = new URI(text);
      return "http".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null;
    } catch (URISyntaxException e) {
      return false;
    }
  }
}
