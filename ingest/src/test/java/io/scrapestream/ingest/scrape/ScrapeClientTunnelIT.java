package io.scrapestream.ingest.scrape;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.scrapestream.core.config.HttpAuth;
import io.scrapestream.core.config.ProxySettings;
import io.scrapestream.core.config.ScrapeHttpConfig;
import io.scrapestream.core.config.SecretSource;
import io.scrapestream.core.config.TlsSettings;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** https targets through an HTTP proxy's CONNECT tunnel. */
@Timeout(60)
class ScrapeClientTunnelIT {
  private HttpsServer target;
  private ConnectProxy proxy;

  @AfterEach
  void stop() throws Exception {
    target.stop(0);
    proxy.close();
  }

  @Test
  void shouldTunnelTlsThroughProxyAndKeepTheTunnelWhenScrapingTwice() throws Exception {
    URI url = startTarget();
    proxy = new ConnectProxy(false);
    ScrapeClient client = new ScrapeClient(http(proxy.url()), "test", Map.of());

    assertThat(client.fetch(ScrapeClientHttpIT.request(url)).body())
        .isEqualTo("a 1\n".getBytes(StandardCharsets.UTF_8));
    assertThat(client.fetch(ScrapeClientHttpIT.request(url)).status()).isEqualTo(200);

    assertThat(proxy.requestLines())
        .containsExactly("CONNECT localhost:" + url.getPort() + " HTTP/1.1");
  }

  @Test
  void shouldSendProxyCredentialsWithConnectWhenProxyUrlHasUserInfo() throws Exception {
    String fields =
        connectFields(
            proxyUrl ->
                new ProxySettings(
                    Optional.of(URI.create("http://scraper:s3cret@" + proxyUrl.getAuthority())),
                    "",
                    false));

    assertThat(fields).isEqualTo("Proxy-Authorization: Basic c2NyYXBlcjpzM2NyZXQ=");
  }

  @Test
  void shouldSendConnectHeadersWhenProxyConnectHeaderIsSet() throws Exception {
    String fields =
        connectFields(
            proxyUrl ->
                new ProxySettings(
                    Optional.of(URI.create("http://u:p@" + proxyUrl.getAuthority())),
                    "",
                    false,
                    Map.of(
                        "X-Tenant",
                        List.of("a", "b"),
                        "Proxy-Authorization",
                        List.of("Bearer x"))));

    assertThat(fields).isEqualTo("Proxy-Authorization: Basic dTpw\r\nX-Tenant: a\r\nX-Tenant: b");
  }

  /** The header fields after Host of the one CONNECT a scrape through these settings sent. */
  private String connectFields(Function<URI, ProxySettings> settings) throws Exception {
    URI url = startTarget();
    proxy = new ConnectProxy(false);
    ScrapeClient client = new ScrapeClient(http(settings.apply(proxy.url())), "test", Map.of());

    assertThat(client.fetch(ScrapeClientHttpIT.request(url)).status()).isEqualTo(200);

    String authority = "localhost:" + url.getPort();
    String start = "CONNECT " + authority + " HTTP/1.1\r\nHost: " + authority + "\r\n";
    assertThat(proxy.heads()).hasSize(1);
    assertThat(proxy.heads().get(0)).startsWith(start);
    return proxy.heads().get(0).substring(start.length());
  }

  @Test
  void shouldFailWithProxyStatusWhenProxyRefusesConnect() throws Exception {
    URI url = startTarget();
    proxy = new ConnectProxy(true);
    ScrapeClient client = new ScrapeClient(http(proxy.url()), "test", Map.of());

    assertThatThrownBy(() -> client.fetch(ScrapeClientHttpIT.request(url)))
        .isInstanceOf(ScrapeException.class)
        .hasMessage(
            "Get \""
                + url
                + "\": proxy answered CONNECT localhost:"
                + url.getPort()
                + " with HTTP status 407 Proxy Authentication Required");
  }

  private URI startTarget() throws Exception {
    target = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    target.setHttpsConfigurator(new HttpsConfigurator(TestPki.get().serverContext()));
    target.createContext(
        "/metrics",
        exchange ->
            TestServers.respond(exchange, "text/plain", "a 1\n".getBytes(StandardCharsets.UTF_8)));
    target.start();
    return URI.create("https://localhost:" + target.getAddress().getPort() + "/metrics");
  }

  private static ScrapeHttpConfig http(URI proxyUrl) throws Exception {
    return http(new ProxySettings(Optional.of(proxyUrl), "", false));
  }

  private static ScrapeHttpConfig http(ProxySettings proxy) throws Exception {
    TlsSettings tls =
        new TlsSettings(
            Optional.of(SecretSource.file(TestPki.get().caPem.toString())),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            false,
            Optional.empty(),
            Optional.empty());
    return new ScrapeHttpConfig(HttpAuth.NONE, tls, proxy, true, true, true);
  }
}
