package io.scrapestream.ingest.scrape;

import io.scrapestream.core.config.ScrapeHttpConfig;
import io.scrapestream.core.config.TlsSettings;
import io.scrapestream.ingest.scrape.http.Http11Client;
import io.scrapestream.ingest.scrape.http.HttpProxy;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * The HTTP client of one job. Its TLS material is read at every scrape, like Prometheus's TLS round
 * tripper, and a new client (with a new connection pool) is built only when the material changed,
 * so that rotated certificates take effect at the next scrape while connections are otherwise
 * reused. Also chooses each request's proxy ({@code proxy_url}, {@code no_proxy}, {@code
 * proxy_from_environment}).
 */
final class HttpClientCache {
  private final ScrapeHttpConfig http;
  private final Optional<ProxyRouting> proxy;
  private TlsContextFactory.Material material;
  private Http11Client client;

  HttpClientCache(ScrapeHttpConfig http, Map<String, String> env) {
    this.http = http;
    this.proxy = ProxyRouting.of(http.proxy(), env);
  }

  /** The client for the TLS material as it is now. */
  Http11Client current() throws ScrapeException {
    TlsContextFactory.Material now = TlsContextFactory.read(http.tls());
    synchronized (this) {
      if (client == null || !now.equals(material)) {
        Http11Client previous = client;
        client = build(now);
        material = now;
        if (previous != null) {
          previous.close();
        }
      }
      return client;
    }
  }

  /**
   * Closes the idle connections of the current client; a scrape still under way closes its own
   * connection when it ends.
   */
  synchronized void close() {
    if (client != null) {
      client.close();
    }
  }

  /** The HTTP proxy a request to {@code url} goes through, if any. */
  Optional<HttpProxy> proxyFor(URI url) {
    return proxy.flatMap(routing -> routing.select(url));
  }

  private Http11Client build(TlsContextFactory.Material now) throws ScrapeException {
    TlsSettings tls = http.tls();
    SSLContext context = TlsContextFactory.build(tls, now);
    SSLParameters parameters = context.getDefaultSSLParameters();
    parameters.setProtocols(TlsContextFactory.protocols(tls));
    return new Http11Client(context.getSocketFactory(), parameters, tls.serverName());
  }
}
