package io.scrapestream.sink.faults;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** {@link SinkProcessMain} in a child JVM, which a test kills with SIGKILL. */
final class ChildSink implements AutoCloseable {
  private final Process process;
  private final Path output;

  private ChildSink(Process process, Path output) {
    this.process = process;
    this.output = output;
  }

  /** Starts the child with {@code args} and waits until it printed {@code RUNNING}. */
  static ChildSink start(Path output, String... args) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command =
        new ArrayList<>(
            List.of(
                java,
                "-Xmx256m",
                "-cp",
                System.getProperty("java.class.path"),
                SinkProcessMain.class.getName()));
    command.addAll(List.of(args));
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(output.toFile())
            .start();
    ChildSink child = new ChildSink(process, output);
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(100))
        .until(child::isRunning);
    return child;
  }

  private boolean isRunning() throws IOException {
    if (!process.isAlive()) {
      throw new IllegalStateException(
          "the sink child exited with " + process.exitValue() + ": " + Files.readString(output));
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
