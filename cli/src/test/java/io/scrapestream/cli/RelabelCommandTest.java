package io.scrapestream.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class RelabelCommandTest {
  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  private Path rules;

  @BeforeEach
  void writeRules() throws Exception {
    rules = dir.resolve("rules.yaml");
    Files.writeString(
        rules,
        """
        - source_labels: [__address__]
          regex: '([^:]+):\\d+'
          target_label: host
        - source_labels: [env]
          regex: dev
          action: drop
        - action: labeldrop
          regex: __address__
        """);
  }

  private int run(String... args) {
    CommandLine commandLine = ScrapestreamCommand.newCommandLine();
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    return commandLine.execute(args);
  }

  @Test
  void shouldPrintRelabeledLabelsAsSortedJsonWhenKept() {
    int code =
        run(
            "relabel",
            "--config",
            rules.toString(),
            "--labels",
            "{\"zone\":\"b\",\"__address__\":\"10.0.0.1:9100\",\"a\":\"é \\\"q\\\"\"}");

    assertThat(code).isZero();
    assertThat(out).hasToString("{\"a\":\"é \\\"q\\\"\",\"host\":\"10.0.0.1\",\"zone\":\"b\"}\n");
    assertThat(err).hasToString("");
  }

  @Test
  void shouldPrintDroppedWhenARuleDropsTheLabels() {
    int code = run("relabel", "--config", rules.toString(), "--labels", "{\"env\":\"dev\"}");

    assertThat(code).isZero();
    assertThat(out).hasToString("dropped\n");
  }

  @Test
  void shouldReadLabelsFromFileWhenArgumentStartsWithAt() throws Exception {
    Path labels = dir.resolve("labels.json");
    Files.writeString(labels, "{\n  \"__address__\": \"node:9100\"\n}\n");

    int code = run("relabel", "--config", rules.toString(), "--labels", "@" + labels);

    assertThat(code).isZero();
    assertThat(out).hasToString("{\"host\":\"node\"}\n");
  }

  @Test
  void shouldPrintEmptyObjectWhenNoLabelRemains() {
    int code = run("relabel", "--config", rules.toString(), "--labels", "{}");

    assertThat(code).isZero();
    assertThat(out).hasToString("{}\n");
  }

  @Test
  void shouldExitWithTwoAndEveryProblemWhenRulesAndLabelsAreBad() throws Exception {
    Path bad = dir.resolve("bad.yaml");
    Files.writeString(bad, "- {action: nope}\n- {regex: '(?=x)', target_label: t}\n");

    int code = run("relabel", "--config", bad.toString(), "--labels", "[1]");

    assertThat(code).isEqualTo(2);
    assertThat(out).hasToString("");
    assertThat(err)
        .hasToString(
            bad
                + ": 2 problems\n"
                + "[0].action: must be one of: replace, keep, drop, keepequal, dropequal,"
                + " hashmod, labelmap, labeldrop, labelkeep, lowercase, uppercase. Found: \"nope\"\n"
                + "[1].regex: must be an RE2 regular expression (error parsing regexp: invalid or"
                + " unsupported Perl syntax: `(?=` (lookahead is not supported by RE2)). Found:"
                + " \"(?=x)\"\n"
                + "--labels: must be a JSON object of label names to string values, or @FILE"
                + " holding one. Found: a JSON array\n");
  }

  @Test
  void shouldExitWithTwoAndNameThePositionWhenLabelsAreNotJson() {
    int code = run("relabel", "--config", rules.toString(), "--labels", "{\"a\": }");

    assertThat(code).isEqualTo(2);
    assertThat(err.toString())
        .isEqualTo(
            "--labels: must be a JSON object of label names to string values, or @FILE holding"
                + " one. Found: invalid JSON: Unexpected character ('}' (code 125)): expected a"
                + " valid value (JSON String, Number, Array, Object or token 'null', 'true' or"
                + " 'false') at line 1, column 7\n");
  }

  @Test
  void shouldExitWithTwoWhenALabelValueIsNotAString() {
    int code = run("relabel", "--config", rules.toString(), "--labels", "{\"a\":\"1\",\"b\":2}");

    assertThat(code).isEqualTo(2);
    assertThat(err)
        .hasToString(
            "--labels: must be a JSON object of label names to string values, or @FILE holding"
                + " one. Found: a JSON number as the value of \"b\"\n");
  }

  @Test
  void shouldExitWithTwoWhenLabelsRepeatAName() {
    int code =
        run("relabel", "--config", rules.toString(), "--labels", "{\"a\":\"1\",\"a\":\"2\"}");

    assertThat(code).isEqualTo(2);
    assertThat(err.toString())
        .startsWith("--labels: must be a JSON object")
        .contains("Duplicate field 'a'");
  }

  @Test
  void shouldExitWithTwoWhenLabelsFileIsMissing() {
    Path missing = dir.resolve("missing.json");

    int code = run("relabel", "--config", rules.toString(), "--labels", "@" + missing);

    assertThat(code).isEqualTo(2);
    assertThat(err)
        .hasToString(
            "--labels: must be a JSON object of label names to string values, or @FILE holding"
                + " one. Found: unreadable file "
                + missing
                + " (java.nio.file.NoSuchFileException: "
                + missing
                + ")\n");
  }

  @Test
  void shouldExitWithTwoWithoutStackTraceWhenRulesFileIsMissing() {
    int code = run("relabel", "--config", dir.resolve("none.yaml").toString(), "--labels", "{}");

    assertThat(code).isEqualTo(2);
    assertThat(err.toString())
        .startsWith(
            dir.resolve("none.yaml") + ": 1 problem\n(file): must be a readable UTF-8 file.")
        .doesNotContain("\tat ");
  }

  @Test
  void shouldExplainWithAnExampleWhenAskedForHelp() {
    int code = run("relabel", "--help");

    assertThat(code).isZero();
    assertThat(out.toString())
        .startsWith("Usage: scrapestream relabel [-hV] --config=RULES.yaml --labels=JSON|@FILE\n")
        .endsWith(
            """
            Example:
              $ cat rules.yaml
              - source_labels: [__address__]
                regex: '([^:]+):\\d+'
                target_label: host
              - action: labeldrop
                regex: __address__
              $ scrapestream relabel --config rules.yaml \\
                  --labels '{"__address__":"10.0.0.1:9100"}'
              {"host":"10.0.0.1"}
            """);
  }
}
