package io.scrapestream.ingest.scrape;

import io.scrapestream.core.config.ScrapeHttpConfig;
import io.scrapestream.core.config.TlsSettings;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * The JDK HTTP client of one job. Its TLS material is read at every scrape, like Prometheus's TLS
 * round tripper, and a new client is built only when the material changed, so that rotated
 * certificates take effect at the next scrape while connections are otherwise reused. Redirects are
 * never followed by the JDK client (it would forward {@code Authorization} to any host).
 */
final class HttpClientCache {
  /** A safety net for connects abandoned after the scrape deadline; the deadline rules. */
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(30);

  private final ScrapeHttpConfig http;
  private final Optional<ProxySelector> proxy;
  private TlsContextFactory.Material material;
  private HttpClient client;

  HttpClientCache(ScrapeHttpConfig http, Map<String, String> env) {
    this.http = http;
    this.proxy = ProxyRouting.of(http.proxy(), env);
  }

  /** The client for the TLS material as it is now. */
  HttpClient current() throws ScrapeException {
    TlsContextFactory.Material now = TlsContextFactory.read(http.tls());
    synchronized (this) {
      if (client == null || !now.equals(material)) {
        client = build(now);
        material = now;
      }
      return client;
    }
  }

  private HttpClient build(TlsContextFactory.Material now) throws ScrapeException {
    TlsSettings tls = http.tls();
    SSLContext context = TlsContextFactory.build(tls, now);
    SSLParameters parameters = context.getDefaultSSLParameters();
    parameters.setProtocols(TlsContextFactory.protocols(tls));
    HttpClient.Builder builder =
        HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(CONNECT_TIMEOUT)
            .version(http.enableHttp2() ? HttpClient.Version.HTTP_2 : HttpClient.Version.HTTP_1_1)
            .sslContext(context)
            .sslParameters(parameters);
    proxy.ifPresent(builder::proxy);
    return builder.build();
  }
}
