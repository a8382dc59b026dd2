package io.scrapestream.cli.role;

import io.scrapestream.cli.VersionProvider;
import io.scrapestream.ingest.IngestApp;
import io.scrapestream.ingest.telemetry.PrometheusAssignmentListener;
import io.scrapestream.ingest.telemetry.PrometheusScrapeListener;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code scrapestream ingest}: the scraper role. */
@Command(
    name = "ingest",
    mixinStandardHelpOptions = true,
    description = {
      "Runs a scraper: scrapes its targets and publishes one record per scrape to samples.raw.",
      "With scraper.allocator it polls its targets from the allocator (OTel TA protocol).",
      "Self-metrics on the telemetry address of the config. Exit code 2 on a bad config."
    })
public final class IngestCommand implements Callable<Integer> {
  @Mixin ConfigOption config;
  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    return RoleRunner.run(
        "ingest",
        config.file(),
        (loaded, registry) ->
            IngestApp.start(
                loaded,
                new PrometheusScrapeListener(registry),
                new PrometheusAssignmentListener(registry),
                VersionProvider.version()),
        spec.commandLine().getErr());
  }
}
