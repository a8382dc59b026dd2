package io.scrapestream.cli;

import io.scrapestream.core.config.ConfigException;
import io.scrapestream.core.config.ConfigLoader;
import io.scrapestream.core.config.ScrapestreamConfig;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code scrapestream check-config FILE}: every problem of a config file, like promtool. */
@Command(
    name = "check-config",
    mixinStandardHelpOptions = true,
    description = {
      "Checks a Scrapestream configuration file and reports every problem with its path in the file.",
      "Exit code: 0 when valid, 2 when not."
    })
final class CheckConfigCommand implements Callable<Integer> {
  @Parameters(paramLabel = "FILE", description = "The YAML configuration file.")
  Path file;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    try {
      ScrapestreamConfig config = ConfigLoader.load(file);
      spec.commandLine()
          .getOut()
          .printf(
              "%s: valid (%d scrape configs, %d backends)%n",
              file, config.scrapeConfigs().size(), config.backends().size());
      return 0;
    } catch (ConfigException e) {
      spec.commandLine().getErr().println(e.getMessage());
      return ScrapestreamCommand.EXIT_BAD_INPUT;
    }
  }
}
