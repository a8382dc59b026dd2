package io.scrapestream.helm;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The image definition: a JRE base pinned by digest, a numeric non-root user, our entrypoint. */
class DockerfileTest {
  static final Path DEPLOY = Path.of("..", "deploy").toAbsolutePath().normalize();
  static final String ENTRYPOINT = "/opt/scrapestream/bin/scrapestream";

  /** One instruction: its keyword in upper case and its arguments, continuation lines joined. */
  record Instruction(String keyword, String arguments) {}

  @Test
  void shouldPinTheJreBaseImageByDigest() throws Exception {
    List<Instruction> from = instructions("FROM");

    assertThat(from).singleElement();
    assertThat(from.get(0).arguments()).matches("eclipse-temurin:17-jre@sha256:[a-f0-9]{64}");
  }

  @Test
  void shouldRunAsANumericNonRootUser() throws Exception {
    List<Instruction> users = instructions("USER");

    assertThat(users).singleElement();
    String uid = users.get(0).arguments().split(":")[0];
    assertThat(uid).matches("[0-9]+");
    assertThat(Integer.parseInt(uid)).isEqualTo(10001);
  }

  @Test
  void shouldEnterThroughTheScriptCopiedFromDeploy() throws Exception {
    assertThat(instructions("ENTRYPOINT"))
        .containsExactly(new Instruction("ENTRYPOINT", "[\"" + ENTRYPOINT + "\"]"));
    assertThat(instructions("COPY"))
        .extracting(Instruction::arguments)
        .containsExactly(
            "--chmod=0444 cli/target/scrapestream.jar /opt/scrapestream/scrapestream.jar",
            "--chmod=0555 deploy/scrapestream " + ENTRYPOINT);
  }

  @Test
  void shouldSizeTheJvmForItsContainerWhenTheScriptRunsJava() throws Exception {
    Path script = DEPLOY.resolve("scrapestream");

    assertThat(Files.isExecutable(script)).isTrue();
    assertThat(Files.readAllLines(script)).first().isEqualTo("#!/bin/sh");
    assertThat(Files.readAllLines(script))
        .contains(
            "exec \"$java\" ${JAVA_OPTS:-} -XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
                + " -jar \"$jar\" \"$@\"");
  }

  static List<Instruction> instructions(String keyword) throws Exception {
    List<Instruction> found = new ArrayList<>();
    StringBuilder logical = new StringBuilder();
    for (String line : Files.readAllLines(DEPLOY.resolve("Dockerfile"))) {
      String trimmed = line.strip();
      if (trimmed.startsWith("#") || (trimmed.isEmpty() && logical.isEmpty())) {
        continue;
      }
      if (trimmed.endsWith("\\")) {
        logical.append(trimmed, 0, trimmed.length() - 1).append(' ');
        continue;
      }
      logical.append(trimmed);
      String[] parts = logical.toString().strip().split("\\s+", 2);
      if (parts[0].equalsIgnoreCase(keyword)) {
        found.add(new Instruction(parts[0].toUpperCase(java.util.Locale.ROOT), parts[1]));
      }
      logical.setLength(0);
    }
    return found;
  }
}
