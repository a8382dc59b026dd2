package io.scrapestream.cli;

import io.scrapestream.allocator.AllocatorApp;
import io.scrapestream.core.config.ConfigException;
import io.scrapestream.core.config.ConfigLoader;
import io.scrapestream.core.config.ScrapestreamConfig;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code scrapestream allocator --config FILE}: the allocator role until stopped. */
@Command(
    name = "allocator",
    mixinStandardHelpOptions = true,
    description = {
      "Discovers targets, relabels and allocates them to scrapers, and serves the",
      "OpenTelemetry Target Allocator HTTP API (/jobs, /scrape_configs, /metrics, ...)."
    })
final class AllocatorCommand implements Callable<Integer> {
  @Option(
      names = "--config",
      paramLabel = "FILE",
      required = true,
      description = "Configuration file.")
  Path config;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws InterruptedException {
    ScrapestreamConfig loaded;
    try {
      loaded = ConfigLoader.load(config);
    } catch (ConfigException e) {
      spec.commandLine().getErr().println(e.getMessage());
      return ScrapestreamCommand.EXIT_BAD_INPUT;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    AllocatorApp app = AllocatorApp.builder(loaded).start();
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  app.close();
                  stopped.countDown();
                },
                "allocator-shutdown"));
    spec.commandLine()
        .getErr()
        .printf(
            "Allocator API on port %d (strategy %s)%n",
            app.port(), loaded.allocator().strategy().configName());
    stopped.await();
    return 0;
  }
}
