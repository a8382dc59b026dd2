package io.scrapestream.cli.role;

import io.scrapestream.core.config.ScrapestreamConfig;
import io.scrapestream.sink.SinkApp;
import io.scrapestream.sink.telemetry.PrometheusSinkListener;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code scrapestream sink}: one consumer group per backend. */
@Command(
    name = "sink",
    mixinStandardHelpOptions = true,
    description = {
      "Runs the export sinks: one consumer group (scrapestream-sink-<backend>) per backend,",
      "committing offsets only after the backend acknowledged.",
      "Self-metrics on the telemetry address of the config. Exit code 2 on a bad config."
    })
public final class SinkCommand implements Callable<Integer> {
  @Mixin ConfigOption config;
  @Spec CommandSpec spec;

  @Option(
      names = "--backend",
      paramLabel = "NAME",
      description = "Run only this backend (repeatable). Default: every backend of the config.")
  List<String> backends = List.of();

  @Override
  public Integer call() throws Exception {
    return RoleRunner.run(
        "sink",
        config.file(),
        (loaded, registry) -> SinkApp.start(only(loaded), new PrometheusSinkListener(registry)),
        spec.commandLine().getErr());
  }

  private ScrapestreamConfig only(ScrapestreamConfig c) {
    if (backends.isEmpty()) {
      return c;
    }
    for (String name : backends) {
      if (c.backend(name).isEmpty()) {
        throw new ParameterException(
            spec.commandLine(), "--backend: no backend named \"" + name + "\" in the config");
      }
    }
    return new ScrapestreamConfig(
        c.global(),
        c.scrapeConfigs(),
        c.kafka(),
        c.scraper(),
        c.enrich(),
        c.telemetry(),
        c.backends().stream().filter(b -> backends.contains(b.name())).toList());
  }
}
