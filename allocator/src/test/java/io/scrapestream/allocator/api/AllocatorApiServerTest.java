package io.scrapestream.allocator.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.scrapestream.allocator.allocation.Allocation;
import io.scrapestream.allocator.target.Labels;
import io.scrapestream.allocator.target.Target;
import io.scrapestream.allocator.target.TargetIdentity;
import io.scrapestream.core.config.AllocationStrategyName;
import io.scrapestream.core.config.AllocatorSettings;
import io.scrapestream.core.config.AllocatorTls;
import io.scrapestream.core.config.DiscoveryConfigs;
import io.scrapestream.core.config.HttpAuth;
import io.scrapestream.core.config.KubernetesAllocatorSettings;
import io.scrapestream.core.config.ProxySettings;
import io.scrapestream.core.config.ScrapeConfig;
import io.scrapestream.core.config.ScrapeFormat;
import io.scrapestream.core.config.ScrapeHttpConfig;
import io.scrapestream.core.config.ScrapeLimits;
import io.scrapestream.core.config.Secret;
import io.scrapestream.core.config.SecretSource;
import io.scrapestream.core.config.TlsSettings;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class AllocatorApiServerTest {
  private static final Path TLS = Path.of("src/test/resources/tls");
  private static final ScrapeConfig JOB =
      new ScrapeConfig(
          "web app",
          Duration.ofSeconds(30),
          Duration.ofSeconds(10),
          "/metrics",
          "http",
          Map.of(),
          false,
          true,
          false,
          List.of(),
          List.of(),
          List.of(),
          DiscoveryConfigs.none(),
          new ScrapeHttpConfig(
              new HttpAuth.Basic(
                  Optional.of(new SecretSource.Inline(new Secret("u"))),
                  Optional.of(new SecretSource.Inline(new Secret("hunter2")))),
              TlsSettings.DEFAULT,
              ProxySettings.NONE,
              true,
              true,
              true),
          ScrapeLimits.NONE,
          ScrapeFormat.DEFAULT,
          List.of());
  private static final Target T1 = target("10.0.0.1:9100", "pod-a");
  private static final Target T2 = target("10.0.0.2:9100", "pod-b");

  private AllocatorApiServer server;
  private HttpClient plain = HttpClient.newHttpClient();

  @BeforeEach
  void start() {
    Allocation allocation =
        new Allocation(
            new TreeMap<>(Map.of("col-1", List.of(T1, T2), "col-2", List.of())), List.of());
    ApiSnapshot snapshot = ApiSnapshotRenderer.render(List.of(JOB), allocation, true);
    AllocatorTls tls =
        new AllocatorTls(
            "127.0.0.1",
            0,
            TLS.resolve("server.crt"),
            TLS.resolve("server.key"),
            Optional.of(TLS.resolve("ca.crt")));
    AllocatorSettings settings =
        new AllocatorSettings(
            "127.0.0.1",
            0,
            AllocationStrategyName.CONSISTENT_HASHING,
            List.of(),
            Duration.ofSeconds(1),
            List.of(new Secret("good-token")),
            Optional.of(tls),
            KubernetesAllocatorSettings.defaults());
    server =
        AllocatorApiServer.start(
            settings,
            () -> snapshot,
            exchange -> {
              exchange.sendResponseHeaders(200, -1);
              exchange.close();
            });
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void shouldServeOtelShapesWhenJobsAndTargetsAreAsked() throws Exception {
    assertThat(get("/jobs")).isEqualTo("{\"web app\":{\"_link\":\"/jobs/web+app/targets\"}}\n");
    assertThat(get("/jobs/web+app/targets?collector_id=col-1"))
        .isEqualTo(
            "[{\"targets\":[\"10.0.0.1:9100\"],\"labels\":{\"__address__\":\"10.0.0.1:9100\",\"__meta_kubernetes_pod_name\":\"pod-a\"}},"
                + "{\"targets\":[\"10.0.0.2:9100\"],\"labels\":{\"__address__\":\"10.0.0.2:9100\",\"__meta_kubernetes_pod_name\":\"pod-b\"}}]\n");
    assertThat(get("/jobs/web+app/targets?collector_id=col-1&relabeled=true"))
        .startsWith(
            "[{\"targets\":[\"10.0.0.1:9100\"],\"labels\":{\"__address__\":\"10.0.0.1:9100\",\"__metrics_path__\":\"/metrics\",\"__scheme__\":\"http\",\"instance\":\"10.0.0.1:9100\",\"job\":\"web app\"}}");
    assertThat(get("/jobs/web+app/targets?collector_id=col-2")).isEqualTo("[]\n");
    assertThat(get("/jobs/unknown/targets?collector_id=col-1")).isEqualTo("[]\n");
    assertThat(get("/jobs/web%20app/targets"))
        .isEqualTo(
            "{\"col-1\":{\"_link\":\"/jobs/web+app/targets?collector_id=col-1\",\"targets\":[{\"targets\":[\"10.0.0.1:9100\"],\"labels\":{\"__address__\":\"10.0.0.1:9100\",\"__meta_kubernetes_pod_name\":\"pod-a\"}},"
                + "{\"targets\":[\"10.0.0.2:9100\"],\"labels\":{\"__address__\":\"10.0.0.2:9100\",\"__meta_kubernetes_pod_name\":\"pod-b\"}}]},"
                + "\"col-2\":{\"_link\":\"/jobs/web+app/targets?collector_id=col-2\",\"targets\":[]}}\n");
  }

  @Test
  void shouldAnswerProbesAndUnknownPathsWhenAsked() throws Exception {
    assertThat(send(plain, "http", server.port(), "/livez", null).statusCode()).isEqualTo(200);
    assertThat(send(plain, "http", server.port(), "/readyz", null).body()).isEqualTo("OK\n");
    assertThat(send(plain, "http", server.port(), "/metrics", null).statusCode()).isEqualTo(200);
    HttpResponse<String> missing = send(plain, "http", server.port(), "/nope", null);
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(missing.body()).isEqualTo("not found: /nope\n");
  }

  @Test
  void shouldRedactSecretsOverPlainHttpEvenWithAValidToken() throws Exception {
    String expected =
        "{\"web app\":{\"job_name\":\"web app\",\"honor_labels\":false,\"honor_timestamps\":true,\"track_timestamps_staleness\":false,\"scrape_interval\":\"30s\","
            + "\"scrape_timeout\":\"10s\",\"scrape_protocols\":[\"OpenMetricsText1.0.0\",\"OpenMetricsText0.0.1\",\"PrometheusText1.0.0\",\"PrometheusText0.0.4\"],"
            + "\"metrics_path\":\"/metrics\",\"scheme\":\"http\",\"enable_compression\":true,\"basic_auth\":{\"username\":\"u\",\"password\":\"<secret>\"},"
            + "\"follow_redirects\":true,\"enable_http2\":true}}";

    assertThat(get("/scrape_configs")).isEqualTo(expected);
    assertThat(send(plain, "http", server.port(), "/scrape_configs", "good-token").body())
        .isEqualTo(expected);
  }

  @Test
  void shouldRevealSecretsOverHttpsOnlyWithAValidTokenOrClientCertificate() throws Exception {
    int port = server.httpsPort().orElseThrow();
    HttpClient trusting = client(null);
    HttpClient withCert =
        client(PemTls.keyManagers(TLS.resolve("client.crt"), TLS.resolve("client.key")));

    assertThat(send(trusting, "https", port, "/scrape_configs", null).body())
        .contains("\"password\":\"<secret>\"");
    assertThat(send(trusting, "https", port, "/scrape_configs", "bad-token").body())
        .contains("\"password\":\"<secret>\"");
    assertThat(send(trusting, "https", port, "/scrape_configs", "good-token").body())
        .contains("\"password\":\"hunter2\"");
    assertThat(send(withCert, "https", port, "/scrape_configs", null).body())
        .contains("\"password\":\"hunter2\"");
  }

  private String get(String path) throws Exception {
    HttpResponse<String> response = send(plain, "http", server.port(), path, null);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).contains("application/json");
    return response.body();
  }

  private static HttpResponse<String> send(
      HttpClient client, String scheme, int port, String path, String token) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(scheme + "://localhost:" + port + path));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpClient client(javax.net.ssl.KeyManager[] keys) throws Exception {
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(keys, PemTls.trustManagers(TLS.resolve("ca.crt")), null);
    return HttpClient.newBuilder().sslContext(context).build();
  }

  private static Target target(String address, String pod) {
    Labels labels =
        Labels.of(
            Map.of(
                "__address__",
                address,
                "__scheme__",
                "http",
                "__metrics_path__",
                "/metrics",
                "job",
                "web app",
                "instance",
                address));
    TargetIdentity identity = TargetIdentity.of(labels, Map.of());
    return new Target(
        identity.key(),
        identity.hash(),
        "web app",
        Labels.of(Map.of("__address__", address, "__meta_kubernetes_pod_name", pod)),
        labels);
  }
}
