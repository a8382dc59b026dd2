package io.scrapestream.testsupport.process;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A main class of the test classpath run in a child JVM ({@code -Xmx256m}), so that a fault test
 * can kill a role with SIGKILL — no shutdown hook, no commit, no flush — and start it again. The
 * child tells it is ready by printing the line {@code RUNNING}.
 */
public final class ChildJvm implements AutoCloseable {
  private final Process process;
  private final Path output;

  private ChildJvm(Process process, Path output) {
    this.process = process;
    this.output = output;
  }

  /**
   * Starts {@code mainClass} with {@code args}, its output in {@code output}, and waits until it
   * printed {@code RUNNING}.
   *
   * @throws IllegalStateException when the child exits first (with its output); Awaitility's
   *     timeout when it is not ready within {@code timeout}
   */
  public static ChildJvm start(Class<?> mainClass, Path output, Duration timeout, String... args)
      throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command =
        new ArrayList<>(List.of(java, "-Xmx256m", "-cp", System.getProperty("java.class.path")));
    command.add(mainClass.getName());
    command.addAll(List.of(args));
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(output.toFile())
            .start();
    ChildJvm child = new ChildJvm(process, output);
    try {
      await()
          .atMost(timeout)
          .pollInterval(Duration.ofMillis(100))
          .until(() -> child.isRunning(mainClass.getSimpleName()));
    } catch (RuntimeException e) {
      child.kill();
      throw e;
    }
    return child;
  }

  private boolean isRunning(String name) throws IOException {
    if (!process.isAlive()) {
      throw new IllegalStateException(
          name + " exited with " + process.exitValue() + ": " + Files.readString(output));
    }
    return Files.readString(output).lines().anyMatch("RUNNING"::equals);
  }

  /** SIGKILL: no shutdown hook, no commit, no flush. */
  public void kill() {
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
