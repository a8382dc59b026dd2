package io.scrapestream.ingest.scrape;

import io.scrapestream.core.config.ProxySettings;
import io.scrapestream.ingest.scrape.http.HttpProxy;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Chooses the proxy of each request as Prometheus does: every request through {@code proxy_url}
 * when {@code no_proxy} is empty; otherwise requests to {@code no_proxy} hosts and to loopback go
 * direct. {@code proxy_from_environment} reads {@code HTTP_PROXY}, {@code HTTPS_PROXY} and {@code
 * NO_PROXY} (or their lower-case forms) once, when the job's client is built. User info in a proxy
 * URL becomes the proxy's Basic credentials; {@code proxy_connect_header} goes with every CONNECT.
 */
final class ProxyRouting {
  private final Optional<HttpProxy> httpProxy;
  private final Optional<HttpProxy> httpsProxy;
  private final Optional<NoProxy> noProxy;

  private ProxyRouting(
      Optional<HttpProxy> httpProxy, Optional<HttpProxy> httpsProxy, Optional<NoProxy> noProxy) {
    this.httpProxy = httpProxy;
    this.httpsProxy = httpsProxy;
    this.noProxy = noProxy;
  }

  /** The routing for these settings, or empty when no request uses a proxy. */
  static Optional<ProxyRouting> of(ProxySettings settings, Map<String, String> env) {
    Map<String, List<String>> connect = settings.connectHeaders();
    if (settings.fromEnvironment()) {
      Optional<HttpProxy> http = proxy(env(env, "HTTP_PROXY"), connect);
      Optional<HttpProxy> https = proxy(env(env, "HTTPS_PROXY"), connect);
      NoProxy bypass = NoProxy.parse(env(env, "NO_PROXY"));
      return http.isEmpty() && https.isEmpty()
          ? Optional.empty()
          : Optional.of(new ProxyRouting(http, https, Optional.of(bypass)));
    }
    Optional<HttpProxy> proxy = settings.url().flatMap(url -> proxy(url, connect));
    Optional<NoProxy> bypass =
        settings.noProxy().isEmpty()
            ? Optional.empty()
            : Optional.of(NoProxy.parse(settings.noProxy()));
    return proxy.map(p -> new ProxyRouting(Optional.of(p), Optional.of(p), bypass));
  }

  /** The proxy a request to {@code uri} goes through, or empty for a direct connection. */
  Optional<HttpProxy> select(URI uri) {
    boolean https = "https".equalsIgnoreCase(uri.getScheme());
    Optional<HttpProxy> proxy = https ? httpsProxy : httpProxy;
    int port = uri.getPort() != -1 ? uri.getPort() : (https ? 443 : 80);
    if (noProxy.map(n -> n.bypasses(uri.getHost(), port)).orElse(false)) {
      return Optional.empty();
    }
    return proxy;
  }

  private static String env(Map<String, String> env, String name) {
    String upper = env.getOrDefault(name, "");
    return upper.isEmpty() ? env.getOrDefault(name.toLowerCase(Locale.ROOT), "") : upper;
  }

  /** The proxy of a URL; a URL without scheme is read as {@code http://}. */
  private static Optional<HttpProxy> proxy(String url, Map<String, List<String>> connect) {
    if (url.isEmpty()) {
      return Optional.empty();
    }
    try {
      return proxy(URI.create(url.contains("://") ? url : "http://" + url), connect);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static Optional<HttpProxy> proxy(URI uri, Map<String, List<String>> connect) {
    if (uri.getHost() == null) {
      return Optional.empty();
    }
    int port = uri.getPort() != -1 ? uri.getPort() : 80;
    InetSocketAddress address = InetSocketAddress.createUnresolved(uri.getHost(), port);
    return Optional.of(
        HttpProxy.withUserInfo(address, uri.getUserInfo()).withConnectHeaders(connect));
  }
}
