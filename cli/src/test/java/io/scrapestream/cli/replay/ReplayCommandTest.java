package io.scrapestream.cli.replay;

import static org.assertj.core.api.Assertions.assertThat;

import io.scrapestream.cli.ScrapestreamCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Bad input is exit code 2 with one message, before any connection to Kafka. */
class ReplayCommandTest {
  @TempDir Path dir;
  private Path config;
  private final StringWriter err = new StringWriter();

  @BeforeEach
  void writeConfig() throws Exception {
    config = dir.resolve("config.yaml");
    Files.writeString(
        config,
        "kafka: {bootstrap_servers: 'localhost:1'}\n"
            + "backends:\n"
            + "  - {name: prom, file: {path: /tmp/unused.jsonl}}\n"
            + "  - {name: es, file: {path: /tmp/unused2.jsonl}}\n");
  }

  @Test
  void shouldExitWithTwoAndNameTheBackendsWhenTheBackendIsUnknown() {
    assertThat(run("--backend", "amp", "--from", "-1h")).isEqualTo(2);
    assertThat(err.toString())
        .isEqualTo("error: --backend: must name a backend of the config (prom, es). Found: amp\n");
  }

  @Test
  void shouldExitWithTwoWhenToIsBeforeFrom() {
    assertThat(
            run(
                "--backend",
                "prom",
                "--from",
                "2026-11-21T10:00:00Z",
                "--to",
                "2026-11-21T09:00:00Z"))
        .isEqualTo(2);
    assertThat(err.toString())
        .isEqualTo(
            "error: --to: must be after --from (2026-11-21T10:00:00Z). Found: 2026-11-21T09:00:00Z\n");
  }

  @Test
  void shouldExitWithTwoWhenATimeIsNotOne() {
    assertThat(run("--backend", "prom", "--from", "last week")).isEqualTo(2);
    assertThat(err.toString())
        .isEqualTo(
            "error: --from: must be an RFC 3339 time (2026-11-21T10:00:00Z), now, or a time ago"
                + " such as -2h. Found: last week\n");
  }

  @Test
  void shouldExitWithTwoWhenTheTopicIsNeitherEnrichedSamplesNorTheBackendsOwn() {
    assertThat(run("--backend", "prom", "--from", "-1h", "--topic", "out.es")).isEqualTo(2);
    assertThat(err.toString())
        .isEqualTo("error: --topic: must be samples.enriched or out.prom. Found: out.es\n");
  }

  @Test
  void shouldExitWithTwoWhenGiveUpAfterIsNotAPositiveDuration() {
    assertThat(run("--backend", "prom", "--from", "-1h", "--give-up-after", "0s")).isEqualTo(2);
    assertThat(err.toString())
        .isEqualTo("error: --give-up-after: must be a duration above 0s such as 10m. Found: 0s\n");
  }

  @Test
  void shouldExitWithTwoAndReportTheConfigWhenItIsBad() throws Exception {
    Files.writeString(config, "backends: [{name: Prom, file: {path: /x}}]\n");

    assertThat(run("--backend", "prom", "--from", "-1h")).isEqualTo(2);
    assertThat(err.toString())
        .contains("backends[0].name: must match [a-z0-9][a-z0-9_-]*. Found: \"Prom\"");
  }

  private int run(String... args) {
    CommandLine commandLine = ScrapestreamCommand.newCommandLine();
    commandLine.setErr(new PrintWriter(err, true));
    List<String> all = new ArrayList<>(List.of("replay", "--config", config.toString()));
    all.addAll(List.of(args));
    return commandLine.execute(all.toArray(String[]::new));
  }
}
