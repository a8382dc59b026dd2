package io.scrapestream.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.scrapestream.core.relabel.RelabelAction;
import io.scrapestream.core.relabel.RelabelConfig;
import io.scrapestream.core.relabel.RelabelRegex;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RelabelConfigsReaderTest {

  @TempDir Path dir;

  private static List<RelabelConfig> load(String yaml) throws ConfigException {
    return ConfigLoader.loadRelabelConfigs(yaml, "rules.yaml");
  }

  private static List<String> problems(String yaml) {
    return catchThrowableOfType(ConfigException.class, () -> load(yaml)).problems();
  }

  @Test
  void shouldApplyPrometheusDefaultsWhenOnlyTargetLabelIsSet() throws Exception {
    RelabelConfig config = load("- target_label: t\n").get(0);

    assertThat(config)
        .isEqualTo(
            new RelabelConfig(
                List.of(), ";", RelabelRegex.DEFAULT, 0, "t", "$1", RelabelAction.REPLACE));
    assertThat(config.regex()).isSameAs(RelabelRegex.DEFAULT);
  }

  @Test
  void shouldReadEveryFieldWhenAllAreWritten() throws Exception {
    RelabelConfig config =
        load("""
                - source_labels: [a, __name__]
                  separator: "::"
                  regex: "(.+)::(.*)"
                  modulus: 7
                  target_label: "${1}_x"
                  replacement: "$2"
                  action: Replace
                """)
            .get(0);

    assertThat(config)
        .isEqualTo(
            new RelabelConfig(
                List.of("a", "__name__"),
                "::",
                RelabelRegex.compile("(.+)::(.*)"),
                7,
                "${1}_x",
                "$2",
                RelabelAction.REPLACE));
  }

  @Test
  void shouldTakeZeroValuesLikePrometheusWhenKeysAreExplicitlyNull() throws Exception {
    RelabelConfig config =
        load("- {source_labels: , separator: , regex: , modulus: , target_label: t, replacement: }\n")
            .get(0);

    assertThat(config)
        .isEqualTo(
            new RelabelConfig(
                List.of(), "", RelabelRegex.compile(""), 0, "t", "", RelabelAction.REPLACE));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "10, 10",
    "0x10, 16",
    "017, 15",
    "0b101, 5",
    "1_000, 1000",
    "+5, 5",
    "18446744073709551615, -1"
  })
  void shouldReadModulusAsUnsigned64BitIntegerWhenWrittenAsYamlInteger(String written, long held)
      throws Exception {
    RelabelConfig config =
        load("- {action: hashmod, target_label: h, modulus: " + written + "}\n").get(0);

    assertThat(config.modulus()).isEqualTo(held);
  }

  @Test
  void shouldReadJobRelabelConfigsWhenWritten() throws Exception {
    ScrapeConfig job =
        ConfigLoader.load(
                """
                scrape_configs:
                  - job_name: node
                    metric_relabel_configs:
                      - {source_labels: [__name__], regex: "go_.*", action: drop}
                """,
                "test.yaml",
                Map.of())
            .scrapeConfigs()
            .get(0);

    assertThat(job.relabelConfigs()).isEmpty();
    assertThat(job.metricRelabelConfigs())
        .containsExactly(
            new RelabelConfig(
                List.of("__name__"),
                ";",
                RelabelRegex.compile("go_.*"),
                0,
                "",
                "$1",
                RelabelAction.DROP));
  }

  @Test
  void shouldLoadRulesFileWhenItHoldsAList() throws Exception {
    Path file = dir.resolve("rules.yaml");
    Files.writeString(
        file, "- {source_labels: [a], target_label: b}\n- {action: labeldrop, regex: a}\n");

    List<RelabelConfig> configs = ConfigLoader.loadRelabelConfigs(file);

    assertThat(configs)
        .extracting(RelabelConfig::action)
        .containsExactly(RelabelAction.REPLACE, RelabelAction.LABELDROP);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "# nothing\n", "[]\n", "~\n"})
  void shouldLoadNoRulesWhenFileIsEmpty(String yaml) throws Exception {
    assertThat(load(yaml)).isEmpty();
  }

  @Test
  void shouldHeadMessageWithSourceWhenRulesFileIsNotAList() {
    ConfigException e = catchThrowableOfType(ConfigException.class, () -> load("a: b\n"));

    assertThat(e).hasMessage("rules.yaml: 1 problem\n(root): must be a list. Found: a mapping");
  }

  @Test
  void shouldReportUnreadableFileWhenRulesFileIsMissing() {
    Path missing = dir.resolve("missing.yaml");

    ConfigException e =
        catchThrowableOfType(ConfigException.class, () -> ConfigLoader.loadRelabelConfigs(missing));

    assertThat(e.problems())
        .containsExactly(
            "(file): must be a readable UTF-8 file. Found: java.nio.file.NoSuchFileException: "
                + missing);
  }
}
