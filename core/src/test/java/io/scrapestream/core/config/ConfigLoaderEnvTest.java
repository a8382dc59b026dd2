package io.scrapestream.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigLoaderEnvTest {
  private static final Map<String, String> ENV =
      Map.of("HOST", "broker", "PORT", "9093", "FLAG", "true", "COUNT", "42", "EVERY", "2m");

  @Test
  void shouldSubstituteVariablesWhenTheyAreSet() throws Exception {
    ScrapestreamConfig config =
        load("kafka: {bootstrap_servers: '${env:HOST}:${env:PORT},other:1'}\n");

    assertThat(config.kafka().bootstrapServers()).isEqualTo("broker:9093,other:1");
  }

  @Test
  void shouldParseSubstitutedValueWhenFieldIsTyped() throws Exception {
    ScrapestreamConfig config =
        load(
            "global: {scrape_interval: '${env:EVERY}'}\n"
                + "scrape_configs: [{job_name: a, honor_labels: '${env:FLAG}'}]\n"
                + "backends: [{name: b, file: {path: x}, batch: {max_samples: '${env:COUNT}'}}]\n");

    assertThat(config.global().scrapeInterval()).isEqualTo(Duration.ofMinutes(2));
    assertThat(config.scrapeConfigs().get(0).honorLabels()).isTrue();
    assertThat(config.backends().get(0).batch().maxSamples()).isEqualTo(42);
  }

  @Test
  void shouldKeepLiteralReferenceWhenDollarIsDoubled() throws Exception {
    ScrapestreamConfig config =
        load("global: {external_labels: {a: '$${env:HOST}', b: 'cost $5 ${env:HOST}'}}\n");

    assertThat(config.global().externalLabels())
        .isEqualTo(Map.of("a", "${env:HOST}", "b", "cost $5 broker"));
  }

  @Test
  void shouldReportPathWhenVariableIsUnset() {
    ConfigException e =
        catchThrowableOfType(
            ConfigException.class,
            () ->
                load(
                    "global:\n  external_labels:\n    region: '${env:REGION}'\n"
                        + "scrape_configs: [{job_name: '${env:JOB}'}]\n"));

    assertThat(e.problems())
        .containsExactly(
            "global.external_labels.region: environment variable REGION is not set."
                + " Found: \"${env:REGION}\"",
            "scrape_configs[0].job_name: environment variable JOB is not set."
                + " Found: \"${env:JOB}\"");
  }

  @Test
  void shouldReportMalformedReferenceWhenBraceOrNameIsWrong() {
    ConfigException e =
        catchThrowableOfType(
            ConfigException.class,
            () -> load("scraper: {id: '${env:HOST'}\nenrich: {application_id: '${env:1X}'}\n"));

    String expectation =
        "must write environment references as ${env:NAME} with NAME matching"
            + " [A-Za-z_][A-Za-z0-9_]*. Found: ";
    assertThat(e.problems())
        .containsExactly(
            "scraper.id: " + expectation + "\"${env:HOST\"",
            "enrich.application_id: " + expectation + "\"${env:1X}\"");
  }

  @Test
  void shouldReportSubstitutedValueWhenItIsInvalidForTheField() {
    ConfigException e =
        catchThrowableOfType(
            ConfigException.class,
            () ->
                ConfigLoader.load(
                    "scrape_configs: [{job_name: a, honor_labels: '${env:V}'}]\n",
                    "test.yaml",
                    Map.of("V", "yes")));

    assertThat(e.problems())
        .isEqualTo(List.of("scrape_configs[0].honor_labels: must be a boolean. Found: \"yes\""));
  }

  @Test
  void shouldNotSubstituteWhenReferenceIsInAKey() throws Exception {
    ScrapestreamConfig config = load("kafka: {client_properties: {'${env:HOST}': x}}\n");

    assertThat(config.kafka().clientProperties()).isEqualTo(Map.of("${env:HOST}", "x"));
  }

  private static ScrapestreamConfig load(String yaml) throws ConfigException {
    return ConfigLoader.load(yaml, "test.yaml", ENV, () -> "test-host");
  }
}
