package io.scrapestream.testsupport.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * A server binary run as a child process on a free loopback port, with its own temporary directory
 * (configuration, data, log) that {@link #stop()} deletes; killed by a shutdown hook if the JVM
 * ends first. Shared by the fixtures of real backends (Prometheus, VictoriaMetrics).
 */
public final class ChildProcess {
  private final String name;
  private final Process process;
  private final Path directory;
  private final Path log;
  private final URI baseUrl;
  private final Thread shutdownHook;

  /**
   * The command line of a server that stores under {@code directory} and listens on {@code port}.
   */
  @FunctionalInterface
  public interface CommandLine {
    List<String> build(Path directory, int port) throws IOException;
  }

  /** Whether the server answers as ready; false while nothing listens. */
  @FunctionalInterface
  public interface ReadyCheck {
    boolean ready() throws InterruptedException;
  }

  private ChildProcess(String name, Process process, Path directory, int port) {
    this.name = name;
    this.process = process;
    this.directory = directory;
    this.log = directory.resolve(name + ".log");
    this.baseUrl = URI.create("http://127.0.0.1:" + port);
    this.shutdownHook = new Thread(process::destroyForcibly, name + "-killer");
    Runtime.getRuntime().addShutdownHook(shutdownHook);
  }

  /**
   * Starts the command in a new temporary directory, output and errors to {@code <name>.log}.
   *
   * @param name the server's name in messages, files and threads, e.g. {@code prometheus}
   */
  public static ChildProcess launch(String name, CommandLine command) throws IOException {
    Path directory = Files.createTempDirectory("scrapestream-" + name + "-");
    int port = freePort();
    Process process =
        new ProcessBuilder(command.build(directory, port))
            .redirectErrorStream(true)
            .redirectOutput(directory.resolve(name + ".log").toFile())
            .start();
    return new ChildProcess(name, process, directory, port);
  }

  /** {@code http://127.0.0.1:<port>}. */
  public URI baseUrl() {
    return baseUrl;
  }

  /**
   * Polls {@code check} until it answers true; fails at once, quoting the log, when the process
   * exits, and after {@code timeout}.
   */
  public void awaitReady(ReadyCheck check, Duration timeout) {
    try {
      Awaitility.await(name + " at " + baseUrl + " ready")
          .atMost(timeout)
          .pollInterval(Duration.ofMillis(100))
          .until(() -> !process.isAlive() || check.ready());
    } catch (ConditionTimeoutException e) {
      stop();
      throw new IllegalStateException(
          name + " at " + baseUrl + " not ready within " + timeout + "; log:\n" + tail(), e);
    }
    if (!process.isAlive()) {
      String message =
          name + " exited with code " + process.exitValue() + " before ready; log:\n" + tail();
      stop();
      throw new IllegalStateException(message);
    }
  }

  public List<String> logTail(int lines) {
    try {
      List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
      return List.copyOf(all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException e) {
      throw new UncheckedIOException("could not read " + log, e);
    }
  }

  /** SIGTERM, then SIGKILL after 10 seconds; then the directory is deleted. */
  public void stop() {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    } finally {
      removeShutdownHook();
      deleteDirectory();
    }
  }

  private String tail() {
    return String.join("\n", logTail(30));
  }

  private void removeShutdownHook() {
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException e) {
      // The JVM is shutting down: the hook is running or has run, and kills the process itself.
    }
  }

  private void deleteDirectory() {
    WorkDirectory.delete(directory);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
