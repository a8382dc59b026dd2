package io.scrapestream.cli.role;

import io.scrapestream.enrich.EnrichApp;
import io.scrapestream.enrich.telemetry.PrometheusEnrichListener;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code scrapestream enrich}: the Kafka Streams enrichment role. */
@Command(
    name = "enrich",
    mixinStandardHelpOptions = true,
    description = {
      "Runs the enrichment application: samples.raw -> staleness -> Kubernetes metadata ->",
      "samples.enriched (and one out.<backend> topic per backend with transforms).",
      "Self-metrics on the telemetry address of the config. Exit code 2 on a bad config."
    })
public final class EnrichCommand implements Callable<Integer> {
  @Mixin ConfigOption config;
  @Spec CommandSpec spec;

  @Option(
      names = "--state-dir",
      paramLabel = "DIR",
      description =
          "Where the staleness and metadata stores live (a volume in Kubernetes)."
              + " Default: ${DEFAULT-VALUE}.",
      defaultValue = "/var/lib/scrapestream/enrich")
  Path stateDir;

  @Override
  public Integer call() throws Exception {
    return RoleRunner.run(
        "enrich",
        config.file(),
        (loaded, registry) ->
            EnrichApp.start(loaded, new PrometheusEnrichListener(registry), Optional.of(stateDir)),
        spec.commandLine().getErr());
  }
}
