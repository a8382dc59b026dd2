package io.scrapestream.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigLoaderSinkExportersTest {
  private static final URI OTLP_URL = URI.create("http://prom:9090/api/v1/otlp/v1/metrics");
  private static final URI ES_URL = URI.create("https://es:9200");

  @Test
  void shouldUseOtlpDefaultsWhenOnlyUrlIsSet() throws Exception {
    ExporterConfig exporter =
        exporter("{name: o, otlp: {url: 'http://prom:9090/api/v1/otlp/v1/metrics'}}");

    assertThat(exporter)
        .isEqualTo(
            new OtlpConfig(
                OTLP_URL, Duration.ofSeconds(30), Map.of(), OtlpConfig.Compression.GZIP));
  }

  @Test
  void shouldReadEveryOtlpKeyWhenAllAreSet() throws Exception {
    ExporterConfig exporter =
        exporter(
            "{name: o, otlp: {url: 'http://prom:9090/api/v1/otlp/v1/metrics', timeout: 5s,"
                + " headers: {X-Scope-OrgID: team-a}, compression: none}}");

    assertThat(exporter)
        .isEqualTo(
            new OtlpConfig(
                OTLP_URL,
                Duration.ofSeconds(5),
                Map.of("X-Scope-OrgID", "team-a"),
                OtlpConfig.Compression.NONE));
    assertThat(exporter)
        .hasToString(
            "OtlpConfig[url=http://prom:9090/api/v1/otlp/v1/metrics, timeout=5s,"
                + " headers=[X-Scope-OrgID], compression=none]");
  }

  @Test
  void shouldReportEveryOtlpProblemWithItsPathWhenBlockIsWrong() {
    ConfigException e =
        catchThrowableOfType(
            ConfigException.class,
            () ->
                exporter(
                    "{name: o, otlp: {timeout: -1s, headers: {Content-Type: x},"
                        + " compression: zstd, tls: {}}}"));

    assertThat(e.problems())
        .containsExactly(
            "backends[0].otlp.url: must be set. Found: nothing",
            "backends[0].otlp.timeout: must be a duration such as 30s, 1m30s or 500ms."
                + " Found: \"-1s\"",
            "backends[0].otlp.headers.Content-Type: must be an HTTP header name other than"
                + " Content-Encoding, Content-Type, User-Agent, X-Prometheus-Remote-Write-Version."
                + " Found: \"Content-Type\"",
            "backends[0].otlp.compression: must be one of: gzip, none. Found: \"zstd\"",
            "backends[0].otlp.tls: unknown key. Expected one of: url, timeout, headers,"
                + " compression");
  }

  @Test
  void shouldUseElasticsearchDefaultsWhenOnlyUrlAndIndexAreSet() throws Exception {
    ExporterConfig exporter =
        exporter("{name: e, elasticsearch: {url: 'https://es:9200', index: metrics-prom}}");

    assertThat(exporter)
        .isEqualTo(
            new ElasticsearchConfig(
                ES_URL,
                "metrics-prom",
                Duration.ofSeconds(30),
                Map.of(),
                new ElasticsearchConfig.NoAuth(),
                ElasticsearchConfig.DocumentIds.HASH));
  }

  @Test
  void shouldReadBasicAuthWithRedactedPasswordWhenPasswordComesFromEnv() throws Exception {
    ExporterConfig exporter =
        ConfigLoader.load(
                "backends: [{name: e, elasticsearch: {url: 'https://es:9200', index: m,"
                    + " basic_auth: {username: writer, password: '${env:ES_PASSWORD}'},"
                    + " document_id: auto, timeout: 10s}}]\n",
                "test.yaml",
                Map.of("ES_PASSWORD", "s3cret"),
                () -> "test-host")
            .backends()
            .get(0)
            .exporter();

    assertThat(exporter)
        .isEqualTo(
            new ElasticsearchConfig(
                ES_URL,
                "m",
                Duration.ofSeconds(10),
                Map.of(),
                new ElasticsearchConfig.BasicAuth("writer", new Secret("s3cret")),
                ElasticsearchConfig.DocumentIds.AUTO));
    assertThat(exporter)
        .hasToString(
            "ElasticsearchConfig[url=https://es:9200, index=m, timeout=10s, headers=[],"
                + " auth=BasicAuth[username=writer, password=<secret>],"
                + " documentIds=auto]");
  }

  @Test
  void shouldReadApiKeyWhenItIsSet() throws Exception {
    ExporterConfig exporter =
        exporter("{name: e, elasticsearch: {url: 'https://es:9200', index: m, api_key: a2V5}}");

    assertThat(((ElasticsearchConfig) exporter).auth())
        .isEqualTo(new ElasticsearchConfig.ApiKey(new Secret("a2V5")));
    assertThat(((ElasticsearchConfig) exporter).auth()).hasToString("ApiKey[key=<secret>]");
  }

  @Test
  void shouldReportEveryElasticsearchProblemWithItsPathWhenBlockIsWrong() {
    ConfigException e =
        catchThrowableOfType(
            ConfigException.class,
            () ->
                exporter(
                    "{name: e, elasticsearch: {url: 'es:9200', index: 'Metrics*',"
                        + " headers: {Authorization: 'Bearer t'}, basic_auth: {username: u},"
                        + " api_key: '', document_id: random, pipeline: p}}"));

    assertThat(e.problems())
        .containsExactly(
            "backends[0].elasticsearch.url: must be an absolute http or https URL."
                + " Found: \"es:9200\"",
            "backends[0].elasticsearch.index: must be a lowercase index or data stream name of"
                + " at most 255 bytes, not starting with '-', '_' or '+', without spaces or any"
                + " of \\ / * ? \" < > | , # :. Found: \"Metrics*\"",
            "backends[0].elasticsearch.basic_auth.password: must be set. Found: nothing",
            "backends[0].elasticsearch.api_key: must not be empty. Found: \"\"",
            "backends[0].elasticsearch: must have at most one of basic_auth, api_key."
                + " Found: basic_auth, api_key",
            "backends[0].elasticsearch.headers.Authorization: must not be set together with"
                + " basic_auth, api_key. Found: \"Authorization\"",
            "backends[0].elasticsearch.document_id: must be one of: hash, auto."
                + " Found: \"random\"",
            "backends[0].elasticsearch.pipeline: unknown key. Expected one of: url, index,"
                + " timeout, headers, basic_auth, api_key, document_id");
  }

  @Test
  void shouldRejectIndexNameWhenItStartsWithUnderscore() {
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                new ElasticsearchConfig(
                    ES_URL,
                    "_all",
                    Duration.ofSeconds(1),
                    Map.of(),
                    new ElasticsearchConfig.NoAuth(),
                    ElasticsearchConfig.DocumentIds.HASH))
        .withMessageStartingWith("index must be a lowercase index or data stream name")
        .withMessageEndingWith(". Found: \"_all\"");
  }

  @Test
  void shouldRejectAuthorizationHeaderWhenCredentialsAreConfigured() {
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                new ElasticsearchConfig(
                    ES_URL,
                    "m",
                    Duration.ofSeconds(1),
                    Map.of("authorization", "Basic eA=="),
                    new ElasticsearchConfig.ApiKey(new Secret("k")),
                    ElasticsearchConfig.DocumentIds.HASH))
        .withMessage(
            "headers must not set Authorization together with basic_auth or api_key."
                + " Found: Authorization");
  }

  @Test
  void shouldHideValueWhenSecretIsPrinted() {
    Secret secret = new Secret("hunter2");

    assertThat(secret).hasToString("<secret>");
    assertThat(secret.reveal()).isEqualTo("hunter2");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new Secret(""))
        .withMessage("secret value must not be empty");
  }

  private static ExporterConfig exporter(String backend) throws ConfigException {
    return ConfigLoader.load("backends: [" + backend + "]\n", "test.yaml", Map.of(), () -> "h")
        .backends()
        .get(0)
        .exporter();
  }
}
