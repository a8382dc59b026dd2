package io.scrapestream.cli.standalone;

import io.scrapestream.cli.ScrapestreamCommand;
import io.scrapestream.cli.VersionProvider;
import io.scrapestream.core.config.BackendConfig;
import io.scrapestream.core.config.BatchSettings;
import io.scrapestream.core.config.ConfigException;
import io.scrapestream.core.config.ConfigLoader;
import io.scrapestream.core.config.RemoteWriteConfig;
import io.scrapestream.core.config.ScrapestreamConfig;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code scrapestream standalone}: the whole pipeline in one process, for a laptop. */
@Command(
    name = "standalone",
    mixinStandardHelpOptions = true,
    description = {
      "Runs every role in one JVM with an embedded single-node Kafka broker (KRaft):",
      "scraper -> samples.raw -> enrich -> samples.enriched -> one sink per backend.",
      "Shows a live status line; Ctrl-C stops it cleanly and prints totals."
    })
public final class StandaloneCommand implements Callable<Integer> {
  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "Configuration file. Default: ${DEFAULT-VALUE}.",
      defaultValue = "examples/standalone.yaml")
  Path config;

  @Option(
      names = "--data-dir",
      paramLabel = "DIR",
      description = "Where the embedded broker keeps its data. Default: ${DEFAULT-VALUE}.",
      defaultValue = "data")
  Path dataDir;

  @Option(
      names = "--remote-write-url",
      paramLabel = "URL",
      description =
          "Also export to this Prometheus remote-write endpoint (backend 'remote-write').")
  URI remoteWriteUrl;

  @Option(
      names = "--status-interval",
      paramLabel = "DURATION",
      description = "How often the status line refreshes, e.g. PT1S. Default: ${DEFAULT-VALUE}.",
      defaultValue = "PT1S")
  Duration statusInterval;

  @Override
  public Integer call() throws Exception {
    PrintStream err = System.err;
    ScrapestreamConfig loaded;
    try {
      loaded = withRemoteWrite(ConfigLoader.load(config));
    } catch (ConfigException e) {
      err.println(e.getMessage());
      return ScrapestreamCommand.EXIT_BAD_INPUT;
    }
    Files.createDirectories(dataDir);
    err.printf("Starting Scrapestream standalone; broker data in %s%n", dataDir.toAbsolutePath());
    StandaloneApp app = StandaloneApp.start(loaded, dataDir, VersionProvider.version());
    err.printf(
        "Kafka at %s, self-metrics at http://%s:%d/metrics, %d backend(s)%n",
        app.bootstrapServers(),
        app.config().telemetry().host(),
        app.telemetryPort(),
        app.config().backends().size());
    runUntilStopped(app, err);
    return 0;
  }

  private void runUntilStopped(StandaloneApp app, PrintStream err) throws InterruptedException {
    CountDownLatch stopped = new CountDownLatch(1);
    StatusLine status = new StatusLine(err, System.console() != null);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  stopped.countDown();
                  status.finish();
                  err.println("Stopping...");
                  closeQuietly(app, err);
                  err.println(Totals.describe(app.stats()));
                  org.apache.logging.log4j.LogManager.shutdown();
                },
                "standalone-shutdown"));
    while (!stopped.await(statusInterval.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
      status.print(app.stats(), app::lag);
    }
  }

  private ScrapestreamConfig withRemoteWrite(ScrapestreamConfig c) {
    if (remoteWriteUrl == null) {
      return c;
    }
    List<BackendConfig> backends = new ArrayList<>(c.backends());
    backends.add(
        new BackendConfig(
            "remote-write",
            new RemoteWriteConfig(remoteWriteUrl, Duration.ofSeconds(30), Map.of()),
            BatchSettings.defaults()));
    return new ScrapestreamConfig(
        c.global(),
        c.scrapeConfigs(),
        c.kafka(),
        c.scraper(),
        c.enrich(),
        c.telemetry(),
        backends,
        c.allocator());
  }

  private static void closeQuietly(StandaloneApp app, PrintStream err) {
    try {
      app.close();
    } catch (Exception e) {
      err.println("error while stopping: " + e.getMessage());
    }
  }
}
