package io.scrapestream.cli;

import io.scrapestream.core.config.ConfigException;
import io.scrapestream.core.config.ConfigLoader;
import io.scrapestream.core.relabel.RelabelConfig;
import io.scrapestream.core.relabel.Relabeler;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code scrapestream relabel}: applies relabel rules to one label set, like Prometheus's relabeler
 * playground, with the engine the pipeline uses.
 */
@Command(
    name = "relabel",
    mixinStandardHelpOptions = true,
    description = {
      "Applies relabel configs (Prometheus's syntax) to one label set and prints the",
      "resulting labels as one JSON object with sorted keys, or the line 'dropped' when",
      "a keep, drop, keepequal or dropequal rule drops them.",
      "Exit code: 0 when relabeled or dropped; 2 when the rules file or the labels",
      "cannot be used, with every problem on standard error."
    },
    footer = {
      "",
      "Example:",
      "  $ cat rules.yaml",
      "  - source_labels: [__address__]",
      "    regex: '([^:]+):\\d+'",
      "    target_label: host",
      "  - action: labeldrop",
      "    regex: __address__",
      "  $ scrapestream relabel --config rules.yaml \\",
      "      --labels '{\"__address__\":\"10.0.0.1:9100\"}'",
      "  {\"host\":\"10.0.0.1\"}"
    })
final class RelabelCommand implements Callable<Integer> {
  @Option(
      names = "--config",
      required = true,
      paramLabel = "RULES.yaml",
      description = "A YAML list of relabel configs, as under relabel_configs in Prometheus.")
  Path config;

  @Option(
      names = "--labels",
      required = true,
      paramLabel = "JSON|@FILE",
      description = "The labels as a JSON object of strings, or @FILE to read them from FILE.")
  String labels;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    List<RelabelConfig> rules = null;
    Map<String, String> input = null;
    try {
      rules = ConfigLoader.loadRelabelConfigs(config);
    } catch (ConfigException e) {
      err.println(e.getMessage());
    }
    try {
      input = LabelsJson.parse(labels);
    } catch (LabelsJson.BadLabelsException e) {
      err.println(e.getMessage());
    }
    if (rules == null || input == null) {
      err.flush();
      return ScrapestreamCommand.EXIT_BAD_INPUT;
    }
    PrintWriter out = spec.commandLine().getOut();
    out.println(new Relabeler(rules).apply(input).map(LabelsJson::write).orElse("dropped"));
    out.flush();
    return 0;
  }
}
