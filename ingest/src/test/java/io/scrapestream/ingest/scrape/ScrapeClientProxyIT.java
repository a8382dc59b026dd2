package io.scrapestream.ingest.scrape;

import static io.scrapestream.ingest.scrape.ScrapeClientHttpIT.fetch;
import static io.scrapestream.ingest.scrape.ScrapeClientHttpIT.http;
import static io.scrapestream.ingest.scrape.ScrapeClientHttpIT.request;
import static org.assertj.core.api.Assertions.assertThat;

import io.scrapestream.core.config.HttpAuth;
import io.scrapestream.core.config.ProxySettings;
import io.scrapestream.core.config.ScrapeHttpConfig;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Scrapes through a tiny HTTP proxy (a JDK server that records the absolute-form request line and
 * answers itself, so targets on unresolvable names prove the proxy was used).
 */
@Timeout(60)
class ScrapeClientProxyIT {
  private static final String TEXT = "text/plain; version=0.0.4";

  private final TestServers servers = new TestServers();
  private final List<String> seen = new CopyOnWriteArrayList<>();

  @AfterEach
  void stop() {
    servers.close();
  }

  @Test
  void shouldSendAbsoluteFormRequestToProxyWhenProxyUrlIsSet() throws Exception {
    URI proxy = recordingProxy();
    URI target = URI.create("http://scrape-target.invalid:9100/metrics?module=x");

    fetch(http(HttpAuth.NONE, proxyTo(proxy, ""), true, true), target);

    assertThat(seen).containsExactly("GET http://scrape-target.invalid:9100/metrics?module=x");
  }

  @Test
  void shouldSendProxyCredentialsWhenProxyUrlHasUserInfo() throws Exception {
    URI proxy =
        servers.start(
            exchange -> {
              seen.add(exchange.getRequestHeaders().getFirst("Proxy-Authorization"));
              TestServers.respond(exchange, TEXT, "a 1\n".getBytes(StandardCharsets.UTF_8));
            });
    ProxySettings settings =
        new ProxySettings(
            Optional.of(URI.create("http://scraper:s3cret@" + proxy.getAuthority())), "", false);

    fetch(http(HttpAuth.NONE, settings, true, true), URI.create("http://target.invalid/metrics"));

    assertThat(seen).containsExactly("Basic c2NyYXBlcjpzM2NyZXQ=");
  }

  @Test
  void shouldGoDirectWhenNoProxyListsTheHost() throws Exception {
    URI proxy = recordingProxy();
    URI target = servers.serve(TEXT, "a 1\n");

    ScrapeClient.Response response =
        fetch(http(HttpAuth.NONE, proxyTo(proxy, "example.com"), true, true), target);

    assertThat(response.status()).isEqualTo(200);
    assertThat(seen).isEmpty();
  }

  @Test
  void shouldUseHttpProxyVariableWhenProxyComesFromEnvironment() throws Exception {
    URI proxy = recordingProxy();
    ScrapeHttpConfig http =
        http(HttpAuth.NONE, new ProxySettings(Optional.empty(), "", true), true, true);
    ScrapeClient client =
        new ScrapeClient(http, "test", Map.of("http_proxy", proxy.getAuthority()));

    client.fetch(request(URI.create("http://scrape-target.invalid:9100/metrics")));

    assertThat(seen).containsExactly("GET http://scrape-target.invalid:9100/metrics");
  }

  private URI recordingProxy() {
    return servers.start(
        exchange -> {
          seen.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
          TestServers.respond(exchange, TEXT, "a 1\n".getBytes(StandardCharsets.UTF_8));
        });
  }

  private static ProxySettings proxyTo(URI proxy, String noProxy) {
    return new ProxySettings(
        Optional.of(URI.create("http://" + proxy.getAuthority())), noProxy, false);
  }
}
