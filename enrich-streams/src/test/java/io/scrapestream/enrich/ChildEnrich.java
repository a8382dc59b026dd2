package io.scrapestream.enrich;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** {@link EnrichProcessMain} in a child JVM, which a test can kill with SIGKILL. */
final class ChildEnrich implements AutoCloseable {
  private final Process process;
  private final Path output;

  private ChildEnrich(Process process, Path output) {
    this.process = process;
    this.output = output;
  }

  /** Starts the child and waits until all its tasks are processing. */
  static ChildEnrich start(Path config, Path stateDir, Path output) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process process =
        new ProcessBuilder(
                List.of(
                    java,
                    "-Xmx256m",
                    "-cp",
                    System.getProperty("java.class.path"),
                    EnrichProcessMain.class.getName(),
                    config.toString(),
                    stateDir.toString()))
            .redirectErrorStream(true)
            .redirectOutput(output.toFile())
            .start();
    ChildEnrich child = new ChildEnrich(process, output);
    await()
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofMillis(100))
        .until(child::isRunning);
    return child;
  }

  private boolean isRunning() throws IOException {
    if (!process.isAlive()) {
      throw new IllegalStateException(
          "the enrich child exited with " + process.exitValue() + ": " + Files.readString(output));
    }
    return Files.readString(output).lines().anyMatch("RUNNING"::equals);
  }

  /** SIGKILL: no shutdown hook, no commit, no flush. */
  void kill() {
    try {
      process.destroyForcibly().waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    kill();
  }
}
