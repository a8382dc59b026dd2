package io.scrapestream.helm;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs Prometheus's own promtool (Debian's prometheus package) on rule files. */
final class Promtool {
  static final Path BINARY = Path.of("/usr/bin/promtool");

  /** What promtool printed and its exit code. */
  record Result(int exitCode, String output) {}

  private Promtool() {}

  static Result run(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(BINARY.toString()));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IOException("promtool did not finish in 60s: " + command);
    }
    return new Result(process.exitValue(), output);
  }
}
