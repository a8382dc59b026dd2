package io.scrapestream.testsupport.prometheus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/** One Prometheus child process and its temporary directory (config, TSDB, log). */
final class PrometheusProcess {
  private static final String CONFIG =
      "global:\n  scrape_interval: 1m\n  evaluation_interval: 1m\n";

  private final Process process;
  private final Path directory;
  private final Path log;
  private final URI baseUrl;
  private final Thread shutdownHook;

  private PrometheusProcess(Process process, Path directory, int port) {
    this.process = process;
    this.directory = directory;
    this.log = directory.resolve("prometheus.log");
    this.baseUrl = URI.create("http://127.0.0.1:" + port);
    this.shutdownHook = new Thread(process::destroyForcibly, "prometheus-killer");
    Runtime.getRuntime().addShutdownHook(shutdownHook);
  }

  static PrometheusProcess launch(Path binary) throws IOException {
    Path directory = Files.createTempDirectory("scrapestream-prometheus-");
    Path config = Files.writeString(directory.resolve("prometheus.yml"), CONFIG);
    int port = freePort();
    Process process =
        new ProcessBuilder(
                binary.toString(),
                "--web.enable-remote-write-receiver",
                "--config.file=" + config,
                "--storage.tsdb.path=" + directory.resolve("data"),
                "--web.listen-address=127.0.0.1:" + port)
            .redirectErrorStream(true)
            .redirectOutput(directory.resolve("prometheus.log").toFile())
            .start();
    return new PrometheusProcess(process, directory, port);
  }

  URI baseUrl() {
    return baseUrl;
  }

  /** Polls {@code /-/ready}; fails at once when the process exits. */
  void awaitReady(PrometheusApi api, Duration timeout) {
    try {
      Awaitility.await("Prometheus at " + baseUrl + " ready")
          .atMost(timeout)
          .pollInterval(Duration.ofMillis(100))
          .until(() -> exitedOrReady(api));
    } catch (ConditionTimeoutException e) {
      stop();
      throw new IllegalStateException(
          "Prometheus at " + baseUrl + " not ready within " + timeout + "; log:\n" + tail(), e);
    }
    if (!process.isAlive()) {
      String message =
          "Prometheus exited with code " + process.exitValue() + " before ready; log:\n" + tail();
      stop();
      throw new IllegalStateException(message);
    }
  }

  List<String> logTail(int lines) {
    try {
      List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
      return List.copyOf(all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException e) {
      throw new UncheckedIOException("could not read " + log, e);
    }
  }

  void stop() {
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

  private boolean exitedOrReady(PrometheusApi api) throws InterruptedException {
    return !process.isAlive() || api.ready();
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
    try (Stream<Path> paths = Files.walk(directory)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not delete " + directory, e);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
