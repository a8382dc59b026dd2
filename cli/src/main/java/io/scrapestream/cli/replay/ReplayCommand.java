package io.scrapestream.cli.replay;

import io.scrapestream.cli.ScrapestreamCommand;
import io.scrapestream.cli.role.ConfigOption;
import io.scrapestream.core.config.ConfigException;
import io.scrapestream.core.config.ConfigLoader;
import io.scrapestream.core.config.PrometheusDuration;
import io.scrapestream.core.config.ScrapestreamConfig;
import io.scrapestream.sink.SinkApp;
import io.scrapestream.sink.replay.InvalidReplayException;
import io.scrapestream.sink.replay.Replay;
import io.scrapestream.sink.replay.ReplayRequest;
import io.scrapestream.sink.replay.ReplayResult;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code scrapestream replay}: exports a time window of a topic to one backend again. */
@Command(
    name = "replay",
    mixinStandardHelpOptions = true,
    description = {
      "Exports the records of a time window to one backend again, through the sink's exporter,",
      "retries and dead-letter topic, with a consumer group of its own",
      "(scrapestream-replay-<backend>-<start time>). Shows progress every second on stderr.",
      "TIME: RFC 3339 (2026-11-21T10:00:00Z), now, or a time ago such as -2h.",
      "Exit code: 0 when the window was exported, 1 when the backend kept failing for",
      "--give-up-after, 2 on bad input (config, backend, times, topic)."
    })
public final class ReplayCommand implements Callable<Integer> {
  @Mixin ConfigOption config;
  @Spec CommandSpec spec;

  @Option(names = "--backend", paramLabel = "NAME", required = true, description = "The backend.")
  String backend;

  @Option(names = "--from", paramLabel = "TIME", required = true, description = "Window start.")
  String from;

  @Option(
      names = "--to",
      paramLabel = "TIME",
      description = "Window end, exclusive. Default: the end of each partition at start.")
  String to;

  @Option(
      names = "--topic",
      paramLabel = "TOPIC",
      description =
          "samples.enriched or out.<backend>, without the prefix. Default: the topic the"
              + " backend's sink reads (out.<backend> when it has transforms).")
  String topic;

  @Option(
      names = "--give-up-after",
      paramLabel = "DURATION",
      defaultValue = "10m",
      description =
          "Stop with exit code 1 when nothing was exported for this long. Default: ${DEFAULT-VALUE}.")
  String giveUpAfter;

  Clock clock = Clock.systemUTC();

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    try {
      ScrapestreamConfig loaded = ConfigLoader.load(config.file());
      ReplayRequest request = request(loaded);
      Replay replay = new Replay(loaded, request, clock);
      ReplayOutput output = new ReplayOutput(err, System.console() != null, backend);
      ReplayResult result = replay.run(output::progress);
      output.summary(result, request.topic(), request.giveUpAfter());
      return result.completed() ? 0 : 1;
    } catch (ConfigException e) {
      err.println(e.getMessage());
      return ScrapestreamCommand.EXIT_BAD_INPUT;
    } catch (InvalidReplayException e) {
      err.println("error: " + e.getMessage());
      return ScrapestreamCommand.EXIT_BAD_INPUT;
    } finally {
      err.flush();
    }
  }

  private ReplayRequest request(ScrapestreamConfig loaded) {
    Instant now = clock.instant();
    try {
      return new ReplayRequest(
          backend,
          topicName(loaded),
          TimeArgument.parse("--from", from, now),
          Optional.ofNullable(to).map(text -> TimeArgument.parse("--to", text, now)),
          giveUp());
    } catch (IllegalArgumentException e) {
      throw new InvalidReplayException(e.getMessage());
    }
  }

  private String topicName(ScrapestreamConfig loaded) {
    if (topic == null) {
      // An unknown backend is reported by the replay itself, with the names it knows.
      return loaded
          .backend(backend)
          .map(b -> SinkApp.topic(loaded, b))
          .orElseGet(() -> loaded.kafka().topic("samples.enriched"));
    }
    if (!topic.equals("samples.enriched") && !topic.equals("out." + backend)) {
      throw new InvalidReplayException(
          "--topic: must be samples.enriched or out." + backend + ". Found: " + topic);
    }
    return loaded.kafka().topic(topic);
  }

  private Duration giveUp() {
    return PrometheusDuration.tryParse(giveUpAfter)
        .filter(duration -> !duration.isZero())
        .orElseThrow(
            () ->
                new InvalidReplayException(
                    "--give-up-after: must be a duration above 0s such as 10m. Found: "
                        + giveUpAfter));
  }
}
