package io.scrapestream.core.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Objects;
import java.util.Optional;

/**
 * How scrapes reach their targets through an HTTP proxy: {@code proxy_url} with optional {@code
 * no_proxy} (comma-separated hosts, domains, IPs and CIDRs that bypass it), or {@code
 * proxy_from_environment} ({@code HTTP_PROXY}, {@code HTTPS_PROXY}, {@code NO_PROXY}), as in
 * Prometheus.
 */
public record ProxySettings(Optional<URI> url, String noProxy, boolean fromEnvironment) {
  public static final ProxySettings NONE = new ProxySettings(Optional.empty(), "", false);

  /** The JDK's HTTP client speaks to HTTP proxies only (no HTTPS or SOCKS proxies). */
  static final ValueRule<String> URL_RULE =
      new ValueRule<>(ProxySettings::isHttpProxyUrl, "must be an http:// URL with a host");

  public ProxySettings {
    Objects.requireNonNull(url, "url must not be null");
    Objects.requireNonNull(noProxy, "noProxy must not be null");
    url.ifPresent(u -> ConfigRules.require("url", u.toString(), URL_RULE));
    if (fromEnvironment && (url.isPresent() || !noProxy.isEmpty())) {
      throw new IllegalArgumentException(
          "fromEnvironment excludes url and noProxy. Found: url="
              + url.map(URI::toString).orElse("")
              + ", noProxy="
              + noProxy);
    }
    if (url.isEmpty() && !noProxy.isEmpty()) {
      throw new IllegalArgumentException(
          "noProxy needs a url. Found: noProxy=" + ConfigProblems.quote(noProxy));
    }
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
