package io.scrapestream.allocator.monitors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.scrapestream.core.config.GlobalConfig;
import io.scrapestream.core.config.HttpAuth;
import io.scrapestream.core.config.KubernetesNamespaces;
import io.scrapestream.core.config.KubernetesRole;
import io.scrapestream.core.config.MonitorKind;
import io.scrapestream.core.config.ScrapeConfig;
import io.scrapestream.core.config.ScrapeFormat;
import io.scrapestream.core.config.ScrapeLimits;
import io.scrapestream.core.config.ScrapeProtocol;
import io.scrapestream.core.config.SecretSource;
import io.scrapestream.core.config.StaticConfig;
import io.scrapestream.core.relabel.Relabeler;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class MonitorScrapeConfigsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final SecretLookup SECRETS =
      (ns, name, key) ->
          Optional.ofNullable(
              Map.of("team-a/auth/user", "alice", "team-a/auth/pass", "s3cret")
                  .get(ns + "/" + name + "/" + key));

  private final MonitorScrapeConfigs configs = new MonitorScrapeConfigs(GlobalConfig.defaults());

  @Test
  void shouldGenerateEndpointSliceJobWithOperatorRelabelingWhenServiceMonitorIsGiven() {
    ScrapeConfig job =
        single(
            MonitorKind.SERVICE_MONITOR,
            """
            {"selector": {"matchLabels": {"app": "web"}}, "jobLabel": "team",
             "endpoints": [{"port": "http", "interval": "15s", "path": "/m",
               "basicAuth": {"username": {"name": "auth", "key": "user"},
                             "password": {"name": "auth", "key": "pass"}}}]}
            """);

    assertThat(job.jobName()).isEqualTo("serviceMonitor/team-a/web/0");
    assertThat(job.scrapeInterval()).isEqualTo(Duration.ofSeconds(15));
    assertThat(job.scrapeTimeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(job.metricsPath()).isEqualTo("/m");
    assertThat(job.kubernetesSdConfigs()).hasSize(1);
    assertThat(job.kubernetesSdConfigs().get(0).role()).isEqualTo(KubernetesRole.ENDPOINTSLICE);
    assertThat(job.kubernetesSdConfigs().get(0).namespaces())
        .isEqualTo(new KubernetesNamespaces(false, List.of("team-a")));
    assertThat(job.http().auth())
        .isEqualTo(
            new HttpAuth.Basic(
                Optional.of(SecretSource.inline("alice")),
                Optional.of(SecretSource.inline("s3cret"))));
    assertThat(relabel(job, sliceTarget("web", "http", Map.of("team", "frontend"))))
        .isEqualTo(
            Map.of(
                "__address__", "10.0.0.7:8080",
                "__metrics_path__", "/m",
                "container", "app",
                "endpoint", "http",
                "job", "frontend",
                "namespace", "team-a",
                "pod", "web-1",
                "service", "web"));
  }

  @Test
  void shouldTakeTimestampHandlingFromTheEndpointWhenServiceMonitorSetsIt() {
    ScrapeConfig set =
        single(
            MonitorKind.SERVICE_MONITOR,
            """
            {"selector": {"matchLabels": {"app": "web"}}, "endpoints": [{"port": "http",
             "honorTimestamps": false, "trackTimestampsStaleness": true}]}
            """);
    ScrapeConfig unset =
        single(
            MonitorKind.SERVICE_MONITOR,
            """
            {"selector": {"matchLabels": {"app": "web"}}, "endpoints": [{"port": "http"}]}
            """);

    assertThat(List.of(set.honorTimestamps(), set.trackTimestampsStaleness()))
        .containsExactly(false, true);
    assertThat(List.of(unset.honorTimestamps(), unset.trackTimestampsStaleness()))
        .containsExactly(true, false);
  }

  @Test
  void shouldTakeLimitsFromTheMonitorSpecWhenItSetsThem() {
    ScrapeConfig set =
        single(
            MonitorKind.POD_MONITOR,
            """
            {"selector": {}, "sampleLimit": 100, "targetLimit": 3, "labelLimit": 20,
             "labelNameLengthLimit": 64, "labelValueLengthLimit": 512, "bodySizeLimit": "1MB",
             "podMetricsEndpoints": [{"port": "http"}]}
            """);
    ScrapeConfig unset =
        single(
            MonitorKind.SERVICE_MONITOR,
            """
            {"selector": {}, "endpoints": [{"port": "http"}]}
            """);

    assertThat(set.limits()).isEqualTo(new ScrapeLimits(100, 20, 64, 512, 1L << 20, 3));
    assertThat(unset.limits()).isEqualTo(ScrapeLimits.NONE);
  }

  @Test
  void shouldTakeProtocolsFromTheMonitorSpecWhenItSetsThem() {
    ScrapeConfig set =
        single(
            MonitorKind.SERVICE_MONITOR,
            """
            {"selector": {}, "scrapeProtocols": ["PrometheusProto", "PrometheusText0.0.4"],
             "fallbackScrapeProtocol": "PrometheusText0.0.4", "scrapeClassicHistograms": true,
             "endpoints": [{"port": "http"}]}
            """);
    ScrapeConfig unset =
        single(
            MonitorKind.SERVICE_MONITOR,
            """
            {"selector": {}, "endpoints": [{"port": "http"}]}
            """);

    assertThat(set.format())
        .isEqualTo(
            new ScrapeFormat(
                List.of(ScrapeProtocol.PROMETHEUS_PROTO, ScrapeProtocol.PROMETHEUS_TEXT_0_0_4),
                Optional.of(ScrapeProtocol.PROMETHEUS_TEXT_0_0_4),
                true));
    assertThat(unset.format()).isEqualTo(ScrapeFormat.DEFAULT);
  }

  @Test
  void shouldRefuseMonitorWhenAProtocolIsUnknown() {
    MonitorRejectedException e =
        rejected(
            MonitorKind.POD_MONITOR,
            """
            {"selector": {}, "scrapeProtocols": ["Proto"], "podMetricsEndpoints": [{"port": "http"}]}
            """);

    assertThat(e.getMessage())
        .isEqualTo(
            "PodMonitor team-a/web: spec.scrapeProtocols: must be one of PrometheusProto,"
                + " OpenMetricsText1.0.0, OpenMetricsText0.0.1, PrometheusText1.0.0,"
                + " PrometheusText0.0.4. Found: Proto");
  }

  @Test
  void shouldRefuseMonitorWhenALimitIsNegative() {
    MonitorRejectedException e =
        rejected(
            MonitorKind.SERVICE_MONITOR,
            """
            {"selector": {}, "sampleLimit": -1, "endpoints": [{"port": "http"}]}
            """);

    assertThat(e.reason()).isEqualTo(RejectReason.INVALID);
    assertThat(e.getMessage())
        .isEqualTo(
            "ServiceMonitor team-a/web: spec.sampleLimit: must be a non-negative integer. Found: -1");
  }

  @Test
  void shouldDropTargetWhenServiceLabelOrPortDoesNotMatch() {
    ScrapeConfig job =
        single(
            MonitorKind.SERVICE_MONITOR,
            """
            {"selector": {"matchLabels": {"app": "web"}}, "endpoints": [{"port": "http"}]}
            """);

    assertThat(new Relabeler(job.relabelConfigs()).apply(sliceTarget("db", "http", Map.of())))
        .isEmpty();
    assertThat(new Relabeler(job.relabelConfigs()).apply(sliceTarget("web", "grpc", Map.of())))
        .isEmpty();
    assertThat(relabel(job, sliceTarget("web", "http", Map.of())).get("job")).isEqualTo("web");
  }

  @Test
  void shouldWatchEveryNamespaceWhenNamespaceSelectorSaysAny() {
    ScrapeConfig job =
        single(
            MonitorKind.SERVICE_MONITOR,
            """
            {"namespaceSelector": {"any": true}, "endpoints": [{"port": "http"}]}
            """);

    assertThat(job.kubernetesSdConfigs().get(0).namespaces()).isEqualTo(KubernetesNamespaces.all());
  }

  @Test
  void shouldRefuseMonitorWhenEndpointNamesBearerTokenFile() {
    MonitorRejectedException e =
        rejected(
            MonitorKind.SERVICE_MONITOR,
            """
            {"endpoints": [{"port": "http",
              "bearerTokenFile": "/var/run/secrets/kubernetes.io/serviceaccount/token"}]}
            """);

    assertThat(e.reason()).isEqualTo(RejectReason.FILE_REFERENCE);
    assertThat(e.getMessage())
        .isEqualTo(
            "ServiceMonitor team-a/web: spec.endpoints[0].bearerTokenFile: file references are"
                + " refused. Found: /var/run/secrets/kubernetes.io/serviceaccount/token");
  }

  @Test
  void shouldRefuseMonitorWhenTlsConfigNamesCaFile() {
    MonitorRejectedException e =
        rejected(
            MonitorKind.POD_MONITOR,
            """
            {"podMetricsEndpoints": [{"port": "http", "tlsConfig": {"caFile": "/etc/ca.crt"}}]}
            """);

    assertThat(e.reason()).isEqualTo(RejectReason.FILE_REFERENCE);
    assertThat(e.getMessage())
        .isEqualTo(
            "PodMonitor team-a/web: spec.podMetricsEndpoints[0].tlsConfig.caFile: file references"
                + " are refused. Found: /etc/ca.crt");
  }

  @Test
  void shouldRefuseMonitorWhenSecretKeyIsMissing() {
    MonitorRejectedException e =
        rejected(
            MonitorKind.SERVICE_MONITOR,
            """
            {"endpoints": [{"port": "http", "bearerTokenSecret": {"name": "auth", "key": "token"}}]}
            """);

    assertThat(e.reason()).isEqualTo(RejectReason.MISSING_SECRET);
    assertThat(e.getMessage())
        .isEqualTo(
            "ServiceMonitor team-a/web: spec.endpoints[0].bearerTokenSecret: must name an existing"
                + " secret key. Found: secret team-a/auth without key token");
  }

  @Test
  void shouldGeneratePodRoleJobWhenPodMonitorIsGiven() {
    ScrapeConfig job =
        single(
            MonitorKind.POD_MONITOR,
            """
            {"selector": {"matchExpressions": [{"key": "app", "operator": "In", "values": ["web"]}]},
             "podMetricsEndpoints": [{"port": "metrics", "scheme": "https"}]}
            """);
    Map<String, String> pod = new TreeMap<>();
    pod.putAll(
        Map.of(
            "__address__", "10.0.0.9:9100",
            "__meta_kubernetes_namespace", "team-a",
            "__meta_kubernetes_pod_name", "web-2",
            "__meta_kubernetes_pod_container_name", "exporter",
            "__meta_kubernetes_pod_container_port_name", "metrics",
            "__meta_kubernetes_pod_phase", "Running",
            "__meta_kubernetes_pod_label_app", "web",
            "__meta_kubernetes_pod_labelpresent_app", "true"));

    assertThat(job.jobName()).isEqualTo("podMonitor/team-a/web/0");
    assertThat(job.scheme()).isEqualTo("https");
    assertThat(job.kubernetesSdConfigs().get(0).role()).isEqualTo(KubernetesRole.POD);
    assertThat(relabel(job, pod))
        .isEqualTo(
            Map.of(
                "__address__", "10.0.0.9:9100",
                "container", "exporter",
                "endpoint", "metrics",
                "job", "team-a/web",
                "namespace", "team-a",
                "pod", "web-2"));
    pod.put("__meta_kubernetes_pod_phase", "Succeeded");
    assertThat(new Relabeler(job.relabelConfigs()).apply(pod)).isEmpty();
  }

  @Test
  void shouldSendStaticTargetsToProberWhenProbeIsGiven() {
    ScrapeConfig job =
        single(
            MonitorKind.PROBE,
            """
            {"module": "http_2xx", "prober": {"url": "blackbox:9115"},
             "targets": {"staticConfig": {"static": ["https://example.com"], "labels": {"env": "prod"}}}}
            """);

    assertThat(job.jobName()).isEqualTo("probe/team-a/web");
    assertThat(job.metricsPath()).isEqualTo("/probe");
    assertThat(job.params()).isEqualTo(Map.of("module", List.of("http_2xx")));
    assertThat(job.staticConfigs())
        .containsExactly(
            new StaticConfig(
                List.of("blackbox:9115"),
                Map.of(
                    "env", "prod",
                    "instance", "https://example.com",
                    "namespace", "team-a")));
    assertThat(
            relabel(job, Map.of("__address__", "blackbox:9115", "instance", "https://example.com")))
        .isEqualTo(
            Map.of(
                "__address__", "blackbox:9115",
                "__param_target", "https://example.com",
                "instance", "https://example.com"));
  }

  @Test
  void shouldScrapeStaticConfigsWhenScrapeConfigIsGiven() {
    ScrapeConfig job =
        single(
            MonitorKind.SCRAPE_CONFIG,
            """
            {"scrapeInterval": "20s", "metricsPath": "/x", "honorLabels": true,
             "staticConfigs": [{"targets": ["a:9100", "b:9100"], "labels": {"zone": "z1"}}]}
            """);

    assertThat(job.jobName()).isEqualTo("scrapeConfig/team-a/web");
    assertThat(job.scrapeInterval()).isEqualTo(Duration.ofSeconds(20));
    assertThat(job.metricsPath()).isEqualTo("/x");
    assertThat(job.honorLabels()).isTrue();
    assertThat(job.targets()).containsExactly("a:9100", "b:9100");
  }

  @Test
  void shouldRefuseScrapeConfigWhenItUsesUnsupportedDiscovery() {
    MonitorRejectedException e =
        rejected(MonitorKind.SCRAPE_CONFIG, "{\"consulSDConfigs\": [{\"server\": \"c:8500\"}]}");

    assertThat(e.reason()).isEqualTo(RejectReason.INVALID);
    assertThat(e.getMessage())
        .isEqualTo(
            "ScrapeConfig team-a/web: spec.consulSDConfigs: must not be set (only staticConfigs is"
                + " supported). Found: consulSDConfigs");
  }

  private ScrapeConfig single(MonitorKind kind, String spec) {
    List<ScrapeConfig> jobs = configs.jobs(resource(kind, spec), SECRETS);
    assertThat(jobs).hasSize(1);
    return jobs.get(0);
  }

  private MonitorRejectedException rejected(MonitorKind kind, String spec) {
    return catchThrowableOfType(
        MonitorRejectedException.class, () -> configs.jobs(resource(kind, spec), SECRETS));
  }

  private static MonitorResource resource(MonitorKind kind, String spec) {
    try {
      Map<String, Object> parsed = JSON.readValue(spec, new TypeReference<>() {});
      return new MonitorResource(kind, "team-a", "web", Map.of(), parsed);
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException(e);
    }
  }

  private static Map<String, String> sliceTarget(
      String service, String port, Map<String, String> serviceLabels) {
    Map<String, String> labels = new TreeMap<>();
    labels.put("__address__", "10.0.0.7:8080");
    labels.put("__metrics_path__", "/m");
    labels.put("__meta_kubernetes_namespace", "team-a");
    labels.put("__meta_kubernetes_service_name", service);
    labels.put("__meta_kubernetes_service_label_app", service);
    labels.put("__meta_kubernetes_service_labelpresent_app", "true");
    serviceLabels.forEach(
        (k, v) -> {
          labels.put("__meta_kubernetes_service_label_" + k, v);
          labels.put("__meta_kubernetes_service_labelpresent_" + k, "true");
        });
    labels.put("__meta_kubernetes_endpointslice_port_name", port);
    labels.put("__meta_kubernetes_endpointslice_address_target_kind", "Pod");
    labels.put("__meta_kubernetes_endpointslice_address_target_name", "web-1");
    labels.put("__meta_kubernetes_pod_name", "web-1");
    labels.put("__meta_kubernetes_pod_container_name", "app");
    labels.put("__meta_kubernetes_pod_phase", "Running");
    return labels;
  }

  /** The labels after relabeling, without the {@code __meta_} ones. */
  private static Map<String, String> relabel(ScrapeConfig job, Map<String, String> labels) {
    Map<String, String> result =
        new TreeMap<>(new Relabeler(job.relabelConfigs()).apply(labels).orElseThrow());
    result.keySet().removeIf(k -> k.startsWith("__meta_"));
    return result;
  }
}
