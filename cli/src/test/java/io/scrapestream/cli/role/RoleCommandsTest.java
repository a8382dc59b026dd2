package io.scrapestream.cli.role;

import static org.assertj.core.api.Assertions.assertThat;

import io.scrapestream.cli.ScrapestreamCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

class RoleCommandsTest {
  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"ingest", "enrich", "sink"})
  void shouldExitWithTwoBeforeStartingWhenTheConfigIsBad(String role) throws Exception {
    Path config = dir.resolve("bad.yaml");
    Files.writeString(config, "kafka:\n  bootstrap_servers: nowhere\n");
    StringWriter err = new StringWriter();
    CommandLine commandLine = ScrapestreamCommand.newCommandLine();
    commandLine.setErr(new PrintWriter(err, true));

    int code = commandLine.execute(role, "--config", config.toString());

    assertThat(code).isEqualTo(2);
    assertThat(err.toString())
        .contains(
            "kafka.bootstrap_servers: must be a comma-separated list of host:port with ports in"
                + " 1..65535. Found: \"nowhere\"")
        .doesNotContain("\tat ");
  }

  @ParameterizedTest
  @ValueSource(strings = {"ingest", "enrich", "sink"})
  void shouldRequireAConfigWhenARoleStarts(String role) {
    StringWriter err = new StringWriter();
    CommandLine commandLine = ScrapestreamCommand.newCommandLine();
    commandLine.setErr(new PrintWriter(err, true));

    int code = commandLine.execute(role);

    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).startsWith("Missing required option: '--config=FILE'");
  }
}
