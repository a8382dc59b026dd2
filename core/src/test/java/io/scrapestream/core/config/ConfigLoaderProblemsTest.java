package io.scrapestream.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderProblemsTest {
  /** The expected problems are in mistakes.problems.txt, one per line, exactly as reported. */
  @Test
  void shouldReportEveryProblemInDocumentOrderWhenFileHasManyMistakes() throws Exception {
    Path file = ConfigLoaderFullExampleTest.resource("/config/mistakes.yaml");
    Path expected = ConfigLoaderFullExampleTest.resource("/config/mistakes.problems.txt");

    ConfigException e = catchThrowableOfType(ConfigException.class, () -> load(file));

    assertThat(e.problems()).containsExactlyElementsOf(Files.readAllLines(expected));
    assertThat(e.problems()).hasSize(39);
  }

  @Test
  void shouldHeadMessageWithSourceAndCountWhenLoadFails() {
    ConfigException e =
        catchThrowableOfType(
            ConfigException.class,
            () -> load("scrape_configs: [{job_name: a, scheme: ftp, honor_labels: 1}]\n"));

    assertThat(e.getMessage())
        .isEqualTo(
            "test.yaml: 2 problems\n"
                + "scrape_configs[0].scheme: must be one of: http, https. Found: \"ftp\"\n"
                + "scrape_configs[0].honor_labels: must be a boolean. Found: 1");
    assertThat(e.sourceName()).isEqualTo("test.yaml");
  }

  @Test
  void shouldReportLineAndColumnWhenYamlIsInvalid() {
    ConfigException e =
        catchThrowableOfType(
            ConfigException.class, () -> load("global:\n  scrape_interval: a: b\n"));

    assertThat(e.getMessage())
        .isEqualTo(
            "test.yaml: 1 problem\n"
                + "line 2, column 21: invalid YAML: mapping values are not allowed here");
  }

  @Test
  void shouldReportLineAndColumnWhenFlowListIsNotClosed() {
    ConfigException e = catchThrowableOfType(ConfigException.class, () -> load("a: [1,\n"));

    assertThat(e.problems())
        .containsExactly(
            "line 2, column 1: invalid YAML: expected the node content, but found '<stream end>'");
  }

  @Test
  void shouldReportRepeatedKeyWhenMappingHasItTwice() {
    ConfigException e =
        catchThrowableOfType(
            ConfigException.class, () -> load("kafka:\n  topic_prefix: a.\n  topic_prefix: b.\n"));

    assertThat(e.problems())
        .containsExactly(
            "kafka.topic_prefix: must appear only once in a mapping. Found: again at line 3,"
                + " column 3");
  }

  @Test
  void shouldRefuseAliasWhenDocumentUsesOne() {
    ConfigException e =
        catchThrowableOfType(
            ConfigException.class,
            () -> load("global:\n  external_labels: &l {a: b}\nkafka: {client_properties: *l}\n"));

    assertThat(e.problems())
        .containsExactly("kafka.client_properties: must not be a YAML alias. Found: *l");
  }

  @Test
  void shouldReportRootWhenDocumentIsNotAMapping() {
    ConfigException e = catchThrowableOfType(ConfigException.class, () -> load("- a\n- b\n"));

    assertThat(e.problems()).containsExactly("(root): must be a mapping. Found: a list");
  }

  @Test
  void shouldReportSecondDocumentWhenFileHasTwo() {
    ConfigException e =
        catchThrowableOfType(ConfigException.class, () -> load("global: {}\n---\nkafka: {}\n"));

    assertThat(e.problems())
        .containsExactly(
            "line 3, column 1: must hold a single YAML document. Found: another document");
  }

  @Test
  void shouldReportWrongTypesWhenStructureIsWrong() {
    ConfigException e =
        catchThrowableOfType(
            ConfigException.class,
            () ->
                load(
                    "global: 5\nscrape_configs: {job_name: a}\n"
                        + "backends: [{name: b, file: x, batch: {max_samples: 1.5}}]\n"
                        + "enrich: {application_id: [a]}\n"));

    assertThat(e.problems())
        .containsExactly(
            "global: must be a mapping. Found: 5",
            "scrape_configs: must be a list. Found: a mapping",
            "enrich.application_id: must be a string. Found: a list",
            "backends[0].file: must be a mapping. Found: \"x\"",
            "backends[0].batch.max_samples: must be an integer. Found: 1.5");
  }

  @Test
  void shouldReportFileWhenItCannotBeRead(@TempDir Path dir) {
    Path missing = dir.resolve("missing.yaml");

    ConfigException e = catchThrowableOfType(ConfigException.class, () -> load(missing));

    assertThat(e.getMessage())
        .isEqualTo(
            missing
                + ": 1 problem\n(file): must be a readable UTF-8 file. Found:"
                + " java.nio.file.NoSuchFileException: "
                + missing);
  }

  private static ScrapestreamConfig load(Path file) throws ConfigException {
    return ConfigLoader.load(file, Map.of());
  }

  private static ScrapestreamConfig load(String yaml) throws ConfigException {
    return ConfigLoader.load(yaml, "test.yaml", Map.of(), () -> "test-host");
  }
}
