package io.scrapestream.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ScrapestreamCommandTest {
  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine commandLine = ScrapestreamCommand.newCommandLine();
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    return commandLine.execute(args);
  }

  @Test
  void shouldExitWithTwoAndNamePathWhenConfigIsBad() throws Exception {
    Path file = dir.resolve("bad.yaml");
    Files.writeString(
        file,
        """
        scrape_configs:
          - job_name: node
            scrape_interval: 10s
            scrape_timeout: 30s
            honor_labels: "yes"
        """);

    int code = run("check-config", file.toString());

    assertThat(code).isEqualTo(2);
    assertThat(err.toString())
        .contains(
            "scrape_configs[0].scrape_timeout: must not exceed scrape_interval (10s). Found: 30s")
        .contains("scrape_configs[0].honor_labels: must be a boolean. Found: \"yes\"")
        .doesNotContain("Exception")
        .doesNotContain("\tat ");
  }

  @Test
  void shouldReportValidWhenConfigIsTheStandaloneExample() {
    int code = run("check-config", "../examples/standalone.yaml");

    assertThat(code).isZero();
    assertThat(out.toString()).contains("valid (2 scrape configs, 1 backends)");
  }

  @Test
  void shouldExitWithTwoBeforeStartingAnythingWhenStandaloneConfigIsMissing() {
    int code =
        run(
            "standalone",
            "--config",
            dir.resolve("missing.yaml").toString(),
            "--data-dir",
            dir.toString());

    assertThat(code).isEqualTo(2);
    assertThat(Files.exists(dir.resolve("kafka"))).isFalse();
  }

  @Test
  void shouldExitWithTwoAndNamePathWhenAllocatorConfigIsBad() throws Exception {
    Path file = dir.resolve("bad.yaml");
    Files.writeString(file, "allocator:\n  strategy: random\n");

    int code = run("allocator", "--config", file.toString());

    assertThat(code).isEqualTo(2);
    assertThat(err.toString())
        .contains(
            "allocator.strategy: must be one of: consistent-hashing, least-weighted, per-node."
                + " Found: \"random\"");
  }
}
