package io.scrapestream.core.config;

import java.util.Objects;

/**
 * The HTTP side of a job's scrapes, Prometheus's {@code http_config} keys: credentials, TLS, proxy,
 * {@code follow_redirects} (default true), {@code enable_http2} (default true; used over TLS only,
 * where ALPN negotiates it) and {@code enable_compression} (default true: ask for gzip).
 */
public record ScrapeHttpConfig(
    HttpAuth auth,
    TlsSettings tls,
    ProxySettings proxy,
    boolean followRedirects,
    boolean enableHttp2,
    boolean enableCompression) {
  public static final ScrapeHttpConfig DEFAULT =
      new ScrapeHttpConfig(
          HttpAuth.NONE, TlsSettings.DEFAULT, ProxySettings.NONE, true, true, true);

  public ScrapeHttpConfig {
    Objects.requireNonNull(auth, "auth must not be null");
    Objects.requireNonNull(tls, "tls must not be null");
    Objects.requireNonNull(proxy, "proxy must not be null");
  }
}
