package io.scrapestream.cli.role;

import io.scrapestream.allocator.AllocatorApp;
import io.scrapestream.allocator.telemetry.AllocatorTelemetry;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code scrapestream allocator}: discovery, allocation and the Target Allocator API. */
@Command(
    name = "allocator",
    mixinStandardHelpOptions = true,
    description = {
      "Discovers targets, relabels and allocates them to scrapers, and serves the",
      "OpenTelemetry Target Allocator HTTP API (/jobs, /scrape_configs, /metrics, ...)",
      "on allocator.listen_address. Self-metrics also on the telemetry address.",
      "Exit code 2 on a bad config."
    })
public final class AllocatorCommand implements Callable<Integer> {
  @Mixin ConfigOption config;
  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    return RoleRunner.run(
        "allocator",
        config.file(),
        (loaded, registry) ->
            AllocatorApp.builder(loaded).telemetry(AllocatorTelemetry.into(registry)).start(),
        spec.commandLine().getErr());
  }
}
