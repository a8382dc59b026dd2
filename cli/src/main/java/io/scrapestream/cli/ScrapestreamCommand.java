package io.scrapestream.cli;

import io.scrapestream.cli.replay.ReplayCommand;
import io.scrapestream.cli.role.AllocatorCommand;
import io.scrapestream.cli.role.EnrichCommand;
import io.scrapestream.cli.role.IngestCommand;
import io.scrapestream.cli.role.SinkCommand;
import io.scrapestream.cli.standalone.StandaloneCommand;
import io.scrapestream.cli.topics.TopicsCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code scrapestream} command: one subcommand per role and tool. */
@Command(
    name = "scrapestream",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "A Prometheus metrics pipeline for Kubernetes, built on Kafka.",
    subcommands = {
      StandaloneCommand.class,
      AllocatorCommand.class,
      IngestCommand.class,
      EnrichCommand.class,
      SinkCommand.class,
      ReplayCommand.class,
      TopicsCommand.class,
      CheckConfigCommand.class,
      ParseCommand.class,
      RelabelCommand.class,
      CommandLine.HelpCommand.class
    })
public final class ScrapestreamCommand {
  /** Exit code of a command whose configuration or input is wrong. */
  public static final int EXIT_BAD_INPUT = 2;

  public static void main(String[] args) {
    System.exit(newCommandLine().execute(args));
  }

  /** The command line with error handling that prints messages, never stack traces. */
  public static CommandLine newCommandLine() {
    CommandLine commandLine = new CommandLine(new ScrapestreamCommand());
    // "--labels @file.json" is the relabel command's own syntax, not a picocli argument file.
    commandLine.setExpandAtFiles(false);
    commandLine.setExecutionExceptionHandler(
        (error, cl, parseResult) -> {
          cl.getErr().println("error: " + error.getMessage());
          return 1;
        });
    return commandLine;
  }
}
