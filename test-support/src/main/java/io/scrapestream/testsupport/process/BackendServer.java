package io.scrapestream.testsupport.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real backend from a Debian package run as a child process on a free loopback port with a
 * temporary directory: the lifecycle Prometheus and VictoriaMetrics share. Usable as a JUnit 5
 * extension ({@code @RegisterExtension static final ... = new ...();}) or with try-with-resources.
 */
public abstract class BackendServer implements BeforeAllCallback, AfterAllCallback, AutoCloseable {
  private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(60);

  private final String name;
  private final String debianPackage;
  private final Path binary;
  private final String readinessPath;
  private ChildProcess process;
  private HttpApi api;

  /**
   * @param name how messages name the backend ("Prometheus")
   * @param readinessPath answers 200 once the backend serves ({@code /-/ready}, {@code /health})
   */
  protected BackendServer(String name, String debianPackage, Path binary, String readinessPath) {
    this.name = name;
    this.debianPackage = debianPackage;
    this.binary = binary;
    this.readinessPath = readinessPath;
  }

  /** The command that starts the backend with its files in {@code directory}, on {@code port}. */
  protected abstract List<String> commandLine(Path binary, Path directory, int port)
      throws IOException;

  /**
   * Starts the backend and waits until its readiness path answers 200; does nothing when started.
   *
   * @throws IllegalStateException when the binary is missing, or the backend exits or is not ready
   *     within 60 seconds (the message quotes the end of its log)
   */
  public synchronized void start() {
    if (process != null) {
      return;
    }
    if (!Files.isExecutable(binary)) {
      throw new IllegalStateException(
          name
              + " binary not found or not executable at "
              + binary
              + ": install the Debian package "
              + debianPackage
              + ": ./test.sh does it");
    }
    try {
      process = ChildProcess.launch(debianPackage, (dir, port) -> commandLine(binary, dir, port));
    } catch (IOException e) {
      throw new UncheckedIOException("could not start " + binary, e);
    }
    api = new HttpApi(process.baseUrl());
    process.awaitReady(() -> api.answers200(readinessPath), STARTUP_TIMEOUT);
  }

  /** {@code http://127.0.0.1:<port>}. */
  public URI baseUrl() {
    return started().baseUrl();
  }

  /** The remote write receiver: {@code http://127.0.0.1:<port>/api/v1/write}. */
  public URI remoteWriteUrl() {
    return baseUrl().resolve("/api/v1/write");
  }

  /** The last lines of the backend's log, for failure messages. */
  public List<String> logTail(int lines) {
    return started().logTail(lines);
  }

  /** Stops the backend (SIGTERM, then SIGKILL after 10 seconds) and deletes its files. */
  @Override
  public synchronized void close() {
    if (process != null) {
      process.stop();
      process = null;
      api = null;
    }
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    start();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    close();
  }

  /** The HTTP API of the running backend. */
  protected synchronized HttpApi api() {
    started();
    return api;
  }

  private synchronized ChildProcess started() {
    if (process == null) {
      throw new IllegalStateException(name + " is not running: call start() first");
    }
    return process;
  }
}
