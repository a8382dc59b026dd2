package io.scrapestream.allocator.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.scrapestream.core.config.ConfigException;
import io.scrapestream.core.config.ConfigLoader;
import io.scrapestream.core.config.DiscoveryConfigs;
import io.scrapestream.core.config.ScrapeConfig;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A job rendered for {@code /scrape_configs} and read back as the scraper reads it ({@code
 * ingest.assign.JobConfigs}: the JSON as the one item of {@code scrape_configs}) is the same job,
 * except for service discovery, which {@code /scrape_configs} leaves out on purpose: {@code
 * staticConfigs}, {@code discovery} and {@code kubernetesSdConfigs} come back empty (the scraper
 * gets its targets from {@code /jobs/<job>/targets}).
 */
class ScrapeConfigJsonRoundTripTest {
  static final String EVERY_KEY =
      """
      - job_name: every-key
        honor_labels: true
        honor_timestamps: false
        track_timestamps_staleness: true
        params: {module: [http_2xx, tcp], target: [example.org]}
        scrape_interval: 1m30s
        scrape_timeout: 1500ms
        scrape_protocols: [PrometheusText0.0.4, OpenMetricsText1.0.0, PrometheusProto]
        fallback_scrape_protocol: PrometheusText1.0.0
        scrape_classic_histograms: true
        metrics_path: /probe
        scheme: https
        enable_compression: false
        body_size_limit: 10MB
        sample_limit: 1000
        target_limit: 25
        label_limit: 30
        label_name_length_limit: 200
        label_value_length_limit: 2048
        authorization: {type: Token, credentials: "s3cr3t-token"}
        tls_config:
          ca: "-----BEGIN CERTIFICATE-----\\nQ0E=\\n-----END CERTIFICATE-----\\n"
          cert: "-----BEGIN CERTIFICATE-----\\nQ0VSVA==\\n-----END CERTIFICATE-----\\n"
          key: "-----BEGIN PRIVATE KEY-----\\nS0VZ\\n-----END PRIVATE KEY-----\\n"
          server_name: web.internal
          insecure_skip_verify: true
          min_version: TLS12
          max_version: TLS13
        follow_redirects: false
        enable_http2: false
        proxy_url: http://proxy-user:proxy-pass@proxy.internal:3128
        no_proxy: localhost,10.0.0.0/8
        proxy_connect_header: {Proxy-Authorization: [Basic cHJveHk=], X-Trace: [a, b]}
        static_configs: [{targets: ["web:443"], labels: {team: a}}]
        relabel_configs:
          - {source_labels: [__meta_pod, __meta_ns], separator: "/", regex: "(.+)/(a|b)", target_label: pod, replacement: "$1-${2}"}
          - {source_labels: [__meta_keep], regex: "true", action: keep}
          - {source_labels: [__meta_drop], regex: "(?i)yes|on", action: Drop}
          - {source_labels: [__address__], modulus: 18446744073709551615, target_label: __tmp_hash, action: hashmod}
          - {source_labels: [__tmp_hash], regex: "3", action: keep}
          - {regex: "__meta_kubernetes_pod_label_(.+)", replacement: "k8s_$1", action: labelmap}
          - {source_labels: [port], target_label: __meta_port, action: keepequal}
          - {source_labels: [port], target_label: other_port, action: dropequal}
          - {source_labels: [env], target_label: env, action: lowercase}
          - {source_labels: [zone], target_label: zone, action: uppercase}
          - {source_labels: [a, b], separator: "", regex: "", target_label: c, replacement: ""}
        metric_relabel_configs:
          - {source_labels: [__name__], regex: "go_.*", action: drop}
          - {regex: "pod_template_hash|controller_revision_hash", action: labeldrop}
          - {regex: "__name__|job|instance|le", action: labelkeep}
      """;
  static final String FILE_REFERENCES =
      """
      - job_name: files
        bearer_token_file: /var/run/secrets/token
        tls_config: {ca_file: /etc/ca.pem, cert_file: /etc/tls.crt, key_file: /etc/tls.key}
        proxy_from_environment: true
        proxy_connect_header: {X-Tenant: [team-a]}
        kubernetes_sd_configs: [{role: pod}]
      """;
  static final String BASIC_AUTH_FILES =
      """
      - job_name: basic-files
        body_size_limit: 1.5KB
        basic_auth: {username_file: /etc/user, password_file: /etc/password}
        tls_config: {ca: "-----BEGIN CERTIFICATE-----\\nQ0E=\\n-----END CERTIFICATE-----\\n", server_name: x}
        file_sd_configs: [{files: [/etc/sd/*.json]}]
      """;
  static final String BASIC_AUTH_INLINE =
      """
      - job_name: basic-inline
        basic_auth: {username: alice, password: "p@ss: word"}
        proxy_url: http://proxy.internal:3128
        static_configs: [{targets: ["a:9100"]}]
      """;
  static final String DEFAULTS_ONLY =
      """
      - job_name: defaults
        static_configs: [{targets: ["a:9100"]}]
      """;

  static Stream<String> jobs() {
    return Stream.of(
        EVERY_KEY, FILE_REFERENCES, BASIC_AUTH_FILES, BASIC_AUTH_INLINE, DEFAULTS_ONLY);
  }

  @ParameterizedTest
  @MethodSource("jobs")
  void shouldReadBackTheSameJobWithoutDiscoveryWhenRenderedWithSecrets(String yaml)
      throws ConfigException {
    ScrapeConfig job = load("scrape_configs:\n" + yaml.indent(2));

    ScrapeConfig readBack = readAsTheScraperDoes(ScrapeConfigJson.of(job, true).toString());

    assertThat(readBack).isEqualTo(withoutDiscovery(job));
  }

  /** A job of a configuration file, with the scaffold JobConfigs puts around a job. */
  static ScrapeConfig load(String scrapeConfigs) throws ConfigException {
    String yaml = "scraper: {id: allocator-job}\n" + scrapeConfigs;
    return ConfigLoader.load(yaml, "/scrape_configs", Map.of()).scrapeConfigs().get(0);
  }

  /** What {@code ingest.assign.JobConfigs.read} does with a job's JSON. */
  static ScrapeConfig readAsTheScraperDoes(String json) throws ConfigException {
    return load("scrape_configs:\n  - " + json.replace("${env:", "$${env:"));
  }

  private static ScrapeConfig withoutDiscovery(ScrapeConfig job) {
    return new ScrapeConfig(
        job.jobName(),
        job.scrapeInterval(),
        job.scrapeTimeout(),
        job.metricsPath(),
        job.scheme(),
        job.params(),
        job.honorLabels(),
        job.honorTimestamps(),
        job.trackTimestampsStaleness(),
        List.of(),
        job.relabelConfigs(),
        job.metricRelabelConfigs(),
        DiscoveryConfigs.none(),
        job.http(),
        job.limits(),
        job.format(),
        List.of());
  }
}
