package io.scrapestream.ingest.scrape;

import io.scrapestream.core.config.ProxySettings;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Chooses the proxy of each request as Prometheus does: every request through {@code proxy_url}
 * when {@code no_proxy} is empty; otherwise requests to {@code no_proxy} hosts and to loopback go
 * direct. {@code proxy_from_environment} reads {@code HTTP_PROXY}, {@code HTTPS_PROXY} and {@code
 * NO_PROXY} (or their lower-case forms) once, when the job's client is built.
 */
final class ProxyRouting extends ProxySelector {
  private final Optional<InetSocketAddress> httpProxy;
  private final Optional<InetSocketAddress> httpsProxy;
  private final Optional<NoProxy> noProxy;

  private ProxyRouting(
      Optional<InetSocketAddress> httpProxy,
      Optional<InetSocketAddress> httpsProxy,
      Optional<NoProxy> noProxy) {
    this.httpProxy = httpProxy;
    this.httpsProxy = httpsProxy;
    this.noProxy = noProxy;
  }

  /** The selector for these settings, or empty when no request uses a proxy. */
  static Optional<ProxySelector> of(ProxySettings settings, Map<String, String> env) {
    if (settings.fromEnvironment()) {
      Optional<InetSocketAddress> http = address(env(env, "HTTP_PROXY"));
      Optional<InetSocketAddress> https = address(env(env, "HTTPS_PROXY"));
      NoProxy bypass = NoProxy.parse(env(env, "NO_PROXY"));
      return http.isEmpty() && https.isEmpty()
          ? Optional.empty()
          : Optional.of(new ProxyRouting(http, https, Optional.of(bypass)));
    }
    Optional<InetSocketAddress> proxy = settings.url().flatMap(u -> address(u.toString()));
    Optional<NoProxy> bypass =
        settings.noProxy().isEmpty()
            ? Optional.empty()
            : Optional.of(NoProxy.parse(settings.noProxy()));
    return proxy.map(p -> new ProxyRouting(Optional.of(p), Optional.of(p), bypass));
  }

  @Override
  public List<Proxy> select(URI uri) {
    boolean https = "https".equalsIgnoreCase(uri.getScheme());
    Optional<InetSocketAddress> proxy = https ? httpsProxy : httpProxy;
    int port = uri.getPort() != -1 ? uri.getPort() : (https ? 443 : 80);
    if (proxy.isEmpty() || noProxy.map(n -> n.bypasses(uri.getHost(), port)).orElse(false)) {
      return List.of(Proxy.NO_PROXY);
    }
    return List.of(new Proxy(Proxy.Type.HTTP, proxy.get()));
  }

  @Override
  public void connectFailed(URI uri, SocketAddress address, IOException e) {
    // The scrape fails with the exchange's own error; there is no other proxy to try.
  }

  private static String env(Map<String, String> env, String name) {
    String upper = env.getOrDefault(name, "");
    return upper.isEmpty() ? env.getOrDefault(name.toLowerCase(Locale.ROOT), "") : upper;
  }

  /** {@code host:port} of a proxy URL; a URL without scheme is read as {@code http://}. */
  private static Optional<InetSocketAddress> address(String url) {
    if (url.isEmpty()) {
      return Optional.empty();
    }
    URI uri;
    try {
      uri = URI.create(url.contains("://") ? url : "http://" + url);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    if (uri.getHost() == null) {
      return Optional.empty();
    }
    int port = uri.getPort() != -1 ? uri.getPort() : 80;
    return Optional.of(InetSocketAddress.createUnresolved(uri.getHost(), port));
  }
}
