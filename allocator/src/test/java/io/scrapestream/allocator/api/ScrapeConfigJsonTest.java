package io.scrapestream.allocator.api;

import static io.scrapestream.allocator.api.ScrapeConfigJsonRoundTripTest.DEFAULTS_ONLY;
import static io.scrapestream.allocator.api.ScrapeConfigJsonRoundTripTest.EVERY_KEY;
import static io.scrapestream.allocator.api.ScrapeConfigJsonRoundTripTest.FILE_REFERENCES;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scrapestream.core.config.ScrapeConfig;
import org.junit.jupiter.api.Test;

/**
 * The exact JSON of a job in {@code /scrape_configs}: Prometheus's key names and order, its
 * duration and size formats, relabel defaults written out, secrets redacted unless revealed.
 */
class ScrapeConfigJsonTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Test
  void shouldWriteEveryKeyInPrometheusOrderWhenTheJobSetsThemAll() throws Exception {
    String expected =
        """
        {"job_name": "every-key", "honor_labels": true, "honor_timestamps": false, "track_timestamps_staleness": true,
         "params": {"module": ["http_2xx", "tcp"], "target": ["example.org"]},
         "scrape_interval": "1m30s", "scrape_timeout": "1s500ms",
         "scrape_protocols": ["PrometheusText0.0.4", "OpenMetricsText1.0.0", "PrometheusProto"],
         "fallback_scrape_protocol": "PrometheusText1.0.0",
         "always_scrape_classic_histograms": true,
         "metrics_path": "/probe", "scheme": "https", "enable_compression": false,
         "body_size_limit": "10MiB", "sample_limit": 1000, "target_limit": 25, "label_limit": 30,
         "label_name_length_limit": 200, "label_value_length_limit": 2048,
         "authorization": {"type": "Token", "credentials": "s3cr3t-token"},
         "tls_config": {
           "ca": "-----BEGIN CERTIFICATE-----\\nQ0E=\\n-----END CERTIFICATE-----\\n",
           "cert": "-----BEGIN CERTIFICATE-----\\nQ0VSVA==\\n-----END CERTIFICATE-----\\n",
           "key": "-----BEGIN PRIVATE KEY-----\\nS0VZ\\n-----END PRIVATE KEY-----\\n",
           "server_name": "web.internal", "insecure_skip_verify": true,
           "min_version": "TLS12", "max_version": "TLS13"},
         "follow_redirects": false, "enable_http2": false,
         "proxy_url": "http://proxy-user:proxy-pass@proxy.internal:3128",
         "no_proxy": "localhost,10.0.0.0/8",
         "proxy_connect_header": {"Proxy-Authorization": ["Basic cHJveHk="], "X-Trace": ["a", "b"]},
         "relabel_configs": [
          {"source_labels": ["__meta_pod", "__meta_ns"], "separator": "/", "regex": "(.+)/(a|b)",
           "target_label": "pod", "replacement": "$1-${2}", "action": "replace"},
          {"source_labels": ["__meta_keep"], "separator": ";", "regex": "true",
           "replacement": "$1", "action": "keep"},
          {"source_labels": ["__meta_drop"], "separator": ";", "regex": "(?i)yes|on",
           "replacement": "$1", "action": "drop"},
          {"source_labels": ["__address__"], "separator": ";", "regex": "(.*)",
           "modulus": 18446744073709551615, "target_label": "__tmp_hash", "replacement": "$1",
           "action": "hashmod"},
          {"source_labels": ["__tmp_hash"], "separator": ";", "regex": "3", "replacement": "$1",
           "action": "keep"},
          {"separator": ";", "regex": "__meta_kubernetes_pod_label_(.+)", "replacement": "k8s_$1",
           "action": "labelmap"},
          {"source_labels": ["port"], "separator": ";", "target_label": "__meta_port",
           "replacement": "$1", "action": "keepequal"},
          {"source_labels": ["port"], "separator": ";", "target_label": "other_port",
           "replacement": "$1", "action": "dropequal"},
          {"source_labels": ["env"], "separator": ";", "regex": "(.*)", "target_label": "env",
           "replacement": "$1", "action": "lowercase"},
          {"source_labels": ["zone"], "separator": ";", "regex": "(.*)", "target_label": "zone",
           "replacement": "$1", "action": "uppercase"},
          {"source_labels": ["a", "b"], "separator": "", "regex": "", "target_label": "c",
           "replacement": "", "action": "replace"}],
         "metric_relabel_configs": [
          {"source_labels": ["__name__"], "separator": ";", "regex": "go_.*", "replacement": "$1",
           "action": "drop"},
          {"separator": ";", "regex": "pod_template_hash|controller_revision_hash",
           "replacement": "$1", "action": "labeldrop"},
          {"separator": ";", "regex": "__name__|job|instance|le", "replacement": "$1",
           "action": "labelkeep"}]}
        """;

    assertThat(ScrapeConfigJson.of(job(EVERY_KEY), true).toString()).isEqualTo(compact(expected));
  }

  @Test
  void shouldRedactEverySecretAndTheProxyPasswordWhenSecretsAreNotRevealed() throws Exception {
    ScrapeConfig job = job(EVERY_KEY);
    ObjectNode expected = ScrapeConfigJson.of(job, true);
    ((ObjectNode) expected.get("authorization")).put("credentials", "<secret>");
    ((ObjectNode) expected.get("tls_config")).put("key", "<secret>");
    expected.put("proxy_url", "http://proxy-user:xxxxx@proxy.internal:3128");
    ObjectNode headers = expected.putObject("proxy_connect_header");
    headers.putArray("Proxy-Authorization").add("<secret>");
    headers.putArray("X-Trace").add("<secret>").add("<secret>");

    String redacted = ScrapeConfigJson.of(job, false).toString();

    assertThat(redacted).isEqualTo(expected.toString());
    assertThat(redacted).doesNotContain("s3cr3t-token", "S0VZ", "proxy-pass", "cHJveHk=");
  }

  @Test
  void shouldWriteFilePathsWhenCredentialsComeFromFilesAndSecretsAreNotRevealed() throws Exception {
    String expected =
        """
        {"job_name": "files", "honor_labels": false, "honor_timestamps": true, "track_timestamps_staleness": false,
         "scrape_interval": "1m", "scrape_timeout": "10s",
         "scrape_protocols": ["OpenMetricsText1.0.0", "OpenMetricsText0.0.1",
                              "PrometheusText1.0.0", "PrometheusText0.0.4"],
         "metrics_path": "/metrics", "scheme": "http", "enable_compression": true,
         "authorization": {"type": "Bearer", "credentials_file": "/var/run/secrets/token"},
         "tls_config": {"ca_file": "/etc/ca.pem", "cert_file": "/etc/tls.crt",
                        "key_file": "/etc/tls.key", "insecure_skip_verify": false},
         "follow_redirects": true, "enable_http2": true,
         "proxy_from_environment": true, "proxy_connect_header": {"X-Tenant": ["<secret>"]}}
        """;

    assertThat(ScrapeConfigJson.of(job(FILE_REFERENCES), false).toString())
        .isEqualTo(compact(expected));
  }

  @Test
  void shouldWritePrometheusDefaultsWhenTheJobSetsNoOptionalKey() throws Exception {
    String expected =
        """
        {"job_name": "defaults", "honor_labels": false, "honor_timestamps": true, "track_timestamps_staleness": false,
         "scrape_interval": "1m", "scrape_timeout": "10s",
         "scrape_protocols": ["OpenMetricsText1.0.0", "OpenMetricsText0.0.1",
                              "PrometheusText1.0.0", "PrometheusText0.0.4"],
         "metrics_path": "/metrics", "scheme": "http", "enable_compression": true,
         "follow_redirects": true, "enable_http2": true}
        """;

    assertThat(ScrapeConfigJson.of(job(DEFAULTS_ONLY), false).toString())
        .isEqualTo(compact(expected));
  }

  private static ScrapeConfig job(String yaml) throws Exception {
    return ScrapeConfigJsonRoundTripTest.load("scrape_configs:\n" + yaml.indent(2));
  }

  /** The JSON text without white space, keys in the order written. */
  private static String compact(String json) throws Exception {
    return MAPPER.readTree(json).toString();
  }
}
