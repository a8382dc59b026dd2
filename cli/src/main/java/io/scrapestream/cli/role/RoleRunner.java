package io.scrapestream.cli.role;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.scrapestream.cli.ScrapestreamCommand;
import io.scrapestream.core.config.ConfigException;
import io.scrapestream.core.config.ConfigLoader;
import io.scrapestream.core.config.ScrapestreamConfig;
import io.scrapestream.core.telemetry.TelemetryServer;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Runs one role until the JVM is asked to stop: loads the configuration (a bad one is exit 2 with
 * every problem), starts the self-metrics endpoint, then the role, and closes both on SIGTERM.
 */
public final class RoleRunner {
  private RoleRunner() {}

  /** Starts a role from its configuration and the registry its self-metrics go to. */
  @FunctionalInterface
  public interface RoleStarter {
    AutoCloseable start(ScrapestreamConfig config, PrometheusRegistry registry) throws Exception;
  }

  /** Runs {@code role} until shutdown; returns the process exit code. */
  public static int run(String role, Path configFile, RoleStarter starter, PrintWriter err)
      throws Exception {
    ScrapestreamConfig config;
    try {
      config = ConfigLoader.load(configFile);
    } catch (ConfigException e) {
      err.println(e.getMessage());
      err.flush();
      return ScrapestreamCommand.EXIT_BAD_INPUT;
    }
    PrometheusRegistry registry = new PrometheusRegistry();
    AutoCloseable[] running = new AutoCloseable[1];
    TelemetryServer telemetry =
        TelemetryServer.start(
            config.telemetry().host(),
            config.telemetry().port(),
            registry,
            () -> running[0] != null);
    try {
      running[0] = starter.start(config, registry);
    } catch (Exception e) {
      telemetry.close();
      throw e;
    }
    err.printf(
        "scrapestream %s running; self-metrics at http://%s:%d/metrics%n",
        role, config.telemetry().host(), telemetry.port());
    err.flush();
    awaitShutdown(running[0], telemetry);
    return 0;
  }

  private static void awaitShutdown(AutoCloseable role, TelemetryServer telemetry)
      throws InterruptedException {
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try (telemetry) {
                    role.close();
                  } catch (Exception e) {
                    System.err.println("error while stopping: " + e.getMessage());
                  } finally {
                    stopped.countDown();
                  }
                },
                "role-shutdown"));
    stopped.await();
  }
}
