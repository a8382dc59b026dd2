package io.scrapestream.allocator.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.scrapestream.allocator.AllocatorApp;
import io.scrapestream.allocator.api.PemTls;
import io.scrapestream.allocator.membership.StaticMembership;
import io.scrapestream.core.config.ConfigLoader;
import io.scrapestream.core.config.MonitorKind;
import io.scrapestream.core.config.ScrapestreamConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** ServiceMonitors on the mock API server become jobs served by the allocator's API. */
@EnableKubernetesMockClient(crud = true, https = false)
@Timeout(90)
class MonitorJobsIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final String JOB = "serviceMonitor/team-a/web/0";
  private static final String JOB_PATH = "serviceMonitor%2Fteam-a%2Fweb%2F0";
  private static final List<String> PROPERTIES =
      List.of(
          "kubernetes.master",
          "kubernetes.auth.tryKubeConfig",
          "kubernetes.auth.tryServiceAccount",
          "kubernetes.namespace");

  KubernetesClient client;
  private final HttpClient http = HttpClient.newHttpClient();
  private AllocatorApp app;

  @BeforeEach
  void pointTheDefaultConnectionAtTheMockServer() {
    System.setProperty("kubernetes.master", client.getMasterUrl().toString());
    System.setProperty("kubernetes.auth.tryKubeConfig", "false");
    System.setProperty("kubernetes.auth.tryServiceAccount", "false");
    System.setProperty("kubernetes.namespace", "scrapestream");
  }

  @AfterEach
  void stop() {
    if (app != null) {
      app.close();
    }
    PROPERTIES.forEach(System::clearProperty);
  }

  @Test
  void shouldServeServiceMonitorTargetsAndRedactItsSecretWhenMonitorSelectsAService()
      throws Exception {
    create(secret());
    create(service());
    create(endpointSlice());
    monitors(MonitorKind.SERVICE_MONITOR).resource(serviceMonitor("web", basicAuth())).create();
    app = start();

    await().atMost(WAIT).until(() -> targets("scraper-a").size() == 1);
    JsonNode group = targets("scraper-a").get(0);
    assertThat(group.get("targets").get(0).asText()).isEqualTo("10.1.0.5:8080");
    assertThat(group.get("labels").get("__meta_kubernetes_service_name").asText()).isEqualTo("web");
    assertThat(group.get("labels").get("__meta_kubernetes_endpointslice_port_name").asText())
        .isEqualTo("http");
    JsonNode job = JSON.readTree(get("/scrape_configs")).get(JOB);
    assertThat(job.get("basic_auth").get("username").asText()).isEqualTo("alice");
    assertThat(job.get("basic_auth").get("password").asText()).isEqualTo("<secret>");
    assertThat(job.get("scrape_interval").asText()).isEqualTo("15s");
    JsonNode revealed = JSON.readTree(getAuthenticated("/scrape_configs")).get(JOB);
    assertThat(revealed.get("basic_auth").get("password").asText()).isEqualTo("s3cret");

    monitors(MonitorKind.SERVICE_MONITOR)
        .resource(serviceMonitor("web", basicAuth() + ", \"path\": \"/v2\""))
        .update();
    await()
        .atMost(WAIT)
        .until(
            () ->
                JSON.readTree(get("/scrape_configs"))
                    .get(JOB)
                    .get("metrics_path")
                    .asText()
                    .equals("/v2"));

    monitors(MonitorKind.SERVICE_MONITOR).inNamespace("team-a").withName("web").delete();
    await().atMost(WAIT).until(() -> !get("/jobs").contains("serviceMonitor"));
    assertThat(get("/jobs")).isEqualTo("{}\n");
  }

  @Test
  void shouldRefuseAndCountMonitorWhenItNamesBearerTokenFile() throws Exception {
    create(service());
    monitors(MonitorKind.SERVICE_MONITOR)
        .resource(
            serviceMonitor(
                "web",
                "\"bearerTokenFile\": \"/var/run/secrets/kubernetes.io/serviceaccount/token\""))
        .create();
    app = start();

    await()
        .atMost(WAIT)
        .until(
            () ->
                get("/metrics")
                    .contains(
                        "scrapestream_allocator_monitors_rejected_total{reason=\"file_reference\"} 1.0"));
    assertThat(get("/jobs")).isEqualTo("{}\n");
  }

  private AllocatorApp start() throws Exception {
    ScrapestreamConfig config =
        ConfigLoader.load(
            """
            allocator:
              listen_address: 127.0.0.1:0
              refresh_interval: 100ms
              kubernetes: {metadata: {enabled: false}}
              monitors: {enabled: true, kinds: [ServiceMonitor]}
              api_tokens: [{token: good-token}]
              tls:
                listen_address: 127.0.0.1:0
                cert_file: src/test/resources/tls/server.crt
                key_file: src/test/resources/tls/server.key
            """,
            "it.yaml",
            Map.of());
    return AllocatorApp.builder(config)
        .membership(new StaticMembership(List.of("scraper-a")))
        .start();
  }

  private List<JsonNode> targets(String scraper) throws Exception {
    JsonNode groups = JSON.readTree(get("/jobs/" + JOB_PATH + "/targets?collector_id=" + scraper));
    List<JsonNode> list = new java.util.ArrayList<>();
    groups.forEach(list::add);
    return list;
  }

  private String get(String path) throws Exception {
    return http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path)).build(),
            HttpResponse.BodyHandlers.ofString())
        .body();
  }

  private String getAuthenticated(String path) throws Exception {
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, PemTls.trustManagers(Path.of("src/test/resources/tls/ca.crt")), null);
    int port = app.httpsPort().orElseThrow();
    return HttpClient.newBuilder()
        .sslContext(context)
        .build()
        .send(
            HttpRequest.newBuilder(URI.create("https://localhost:" + port + path))
                .header("Authorization", "Bearer good-token")
                .build(),
            HttpResponse.BodyHandlers.ofString())
        .body();
  }

  private io.fabric8.kubernetes.client.dsl.MixedOperation<
          GenericKubernetesResource,
          io.fabric8.kubernetes.api.model.GenericKubernetesResourceList,
          io.fabric8.kubernetes.client.dsl.Resource<GenericKubernetesResource>>
      monitors(MonitorKind kind) {
    return client.genericKubernetesResources(
        new ResourceDefinitionContext.Builder()
            .withGroup(MonitorKind.GROUP)
            .withVersion(kind.version())
            .withKind(kind.configName())
            .withPlural(kind.plural())
            .withNamespaced(true)
            .build());
  }

  private GenericKubernetesResource serviceMonitor(String name, String endpointExtra) {
    return client
        .getKubernetesSerialization()
        .unmarshal(
            """
            {"apiVersion": "monitoring.coreos.com/v1", "kind": "ServiceMonitor",
             "metadata": {"name": "%s", "namespace": "team-a"},
             "spec": {"selector": {"matchLabels": {"app": "web"}},
                      "endpoints": [{"port": "http", "interval": "15s", %s}]}}
            """
                .formatted(name, endpointExtra),
            GenericKubernetesResource.class);
  }

  private static String basicAuth() {
    return "\"basicAuth\": {\"username\": {\"name\": \"web-auth\", \"key\": \"user\"},"
        + " \"password\": {\"name\": \"web-auth\", \"key\": \"pass\"}}";
  }

  private void create(String json) {
    client
        .resource(client.getKubernetesSerialization().unmarshal(json, HasMetadata.class))
        .create();
  }

  private static String secret() {
    return """
        {"apiVersion": "v1", "kind": "Secret",
         "metadata": {"name": "web-auth", "namespace": "team-a"},
         "data": {"user": "YWxpY2U=", "pass": "czNjcmV0"}}
        """;
  }

  private static String service() {
    return """
        {"apiVersion": "v1", "kind": "Service",
         "metadata": {"name": "web", "namespace": "team-a", "labels": {"app": "web"}},
         "spec": {"ports": [{"name": "http", "port": 8080}]}}
        """;
  }

  private static String endpointSlice() {
    return """
        {"apiVersion": "discovery.k8s.io/v1", "kind": "EndpointSlice",
         "metadata": {"name": "web-abc", "namespace": "team-a",
                      "labels": {"kubernetes.io/service-name": "web"}},
         "addressType": "IPv4",
         "ports": [{"name": "http", "port": 8080, "protocol": "TCP"}],
         "endpoints": [{"addresses": ["10.1.0.5"], "conditions": {"ready": true}}]}
        """;
  }
}
