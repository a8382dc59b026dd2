package io.scrapestream.cli.topics;

import io.scrapestream.cli.ScrapestreamCommand;
import io.scrapestream.cli.role.ConfigOption;
import io.scrapestream.core.config.ConfigException;
import io.scrapestream.core.config.ConfigLoader;
import io.scrapestream.core.config.ScrapestreamConfig;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.NewTopic;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code scrapestream topics apply}: creates the topics a configuration needs. */
@Command(
    name = "topics",
    mixinStandardHelpOptions = true,
    description = "Manages Scrapestream's Kafka topics.",
    subcommands = TopicsCommand.Apply.class)
public final class TopicsCommand {

  /** Creates the missing topics; safe to run on every install and upgrade. */
  @Command(
      name = "apply",
      mixinStandardHelpOptions = true,
      description = {
        "Creates every topic the configuration needs that does not exist yet (idempotent):",
        "samples.raw, samples.enriched, k8s.metadata (compacted), dlq.enrich, dlq.<backend>.",
        "Existing topics are left as they are. Exit code 2 on a bad config."
      })
  static final class Apply implements Callable<Integer> {
    @Mixin ConfigOption config;
    @Spec CommandSpec spec;

    @Option(
        names = "--partitions",
        paramLabel = "N",
        description =
            "Partitions of the sample topics; the most consumers a group can use."
                + " Default: ${DEFAULT-VALUE}.",
        defaultValue = "12")
    int partitions;

    @Option(
        names = "--replication-factor",
        paramLabel = "R",
        description = "Replicas of every topic. Default: ${DEFAULT-VALUE}.",
        defaultValue = "3")
    short replicationFactor;

    @Override
    public Integer call() throws Exception {
      PrintWriter out = spec.commandLine().getOut();
      ScrapestreamConfig loaded;
      try {
        loaded = ConfigLoader.load(config.file());
      } catch (ConfigException e) {
        spec.commandLine().getErr().println(e.getMessage());
        return ScrapestreamCommand.EXIT_BAD_INPUT;
      }
      List<NewTopic> topics = TopicsApplier.topics(loaded, partitions, replicationFactor);
      List<String> created = TopicsApplier.apply(loaded, topics);
      for (NewTopic topic : topics) {
        out.printf("%s %s%n", created.contains(topic.name()) ? "created" : "exists ", topic.name());
      }
      return 0;
    }
  }
}
