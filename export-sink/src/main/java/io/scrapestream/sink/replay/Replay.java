package io.scrapestream.sink.replay;

import io.scrapestream.core.config.BackendConfig;
import io.scrapestream.core.config.ScrapestreamConfig;
import io.scrapestream.core.kafka.KafkaClientProperties;
import io.scrapestream.sink.SinkApp;
import io.scrapestream.sink.consume.DeliveryLoop;
import io.scrapestream.sink.consume.LoopCounters;
import io.scrapestream.sink.consume.SinkOptions;
import io.scrapestream.sink.consume.WorkerParts;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Exports a time window of a topic to one backend again, through the same exporter, retry
 * decorator, delivery loop and dead-letter topic as the live sink, with a consumer group of its own
 * ({@code scrapestream-replay-<backend>-<start time>}) whose partitions are assigned by hand. Stops
 * when every partition committed its window's end, or when nothing was committed for {@code
 * giveUpAfter}.
 */
public final class Replay {
  private static final Logger LOG = LoggerFactory.getLogger(Replay.class);
  private static final Duration PROGRESS_INTERVAL = Duration.ofSeconds(1);
  private static final DateTimeFormatter GROUP_TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  /** Receives the replay's progress, about once a second, on the replay's thread. */
  @FunctionalInterface
  public interface ProgressListener {
    void progress(ReplayProgress progress);
  }

  private final ScrapestreamConfig config;
  private final ReplayRequest request;
  private final Clock clock;
  private final BackendConfig backend;
  private final ReplayCounters counters = new ReplayCounters();

  /**
   * @throws InvalidReplayException when the configuration has no such backend
   */
  public Replay(ScrapestreamConfig config, ReplayRequest request, Clock clock) {
    this.config = Objects.requireNonNull(config, "config");
    this.request = Objects.requireNonNull(request, "request");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.backend =
        config
            .backend(request.backend())
            .orElseThrow(
                () ->
                    new InvalidReplayException(
                        "--backend: must name a backend of the config ("
                            + config.backends().stream()
                                .map(BackendConfig::name)
                                .collect(Collectors.joining(", "))
                            + "). Found: "
                            + request.backend()));
  }

  /** The consumer group of a replay of {@code backend} started at {@code start}. */
  public static String groupId(String backend, Instant start) {
    return "scrapestream-replay-" + backend + "-" + GROUP_TIME.format(start);
  }

  /**
   * Runs the replay to its end; call once.
   *
   * @throws InvalidReplayException when the topic does not exist
   */
  public ReplayResult run(ProgressListener progress) {
    Instant start = clock.instant();
    String group = groupId(backend.name(), start);
    KafkaConsumer<String, byte[]> consumer = consumer(group);
    ReplayWindow window = window(consumer);
    WorkerParts parts =
        new WorkerParts(
            consumer,
            SinkApp.retryingExporter(backend, counters),
            SinkApp.deadLetters(config, backend, group),
            counters,
            clock);
    SinkOptions options = new SinkOptions(request.topic(), backend.batch(), backend.delivery());
    try (DeliveryLoop loop = new DeliveryLoop(parts, options)) {
      LOG.info(
          "[{}] replaying {} offsets of {} as group {}",
          backend.name(),
          window.total(),
          request.topic(),
          group);
      window.ends().forEach(loop::bound);
      consumer.assign(List.copyOf(window.starts().keySet()));
      window.starts().forEach(consumer::seek);
      boolean completed = deliver(loop, window, progress, start);
      return result(completed, group, loop.counters(), start);
    }
  }

  /** The sink's consumer properties; a replay never creates the topic it is asked to read. */
  private KafkaConsumer<String, byte[]> consumer(String group) {
    Map<String, Object> properties =
        new HashMap<>(KafkaClientProperties.consumer(config.kafka(), group, group));
    properties.put("allow.auto.create.topics", "false");
    return new KafkaConsumer<>(properties, new StringDeserializer(), new ByteArrayDeserializer());
  }

  private ReplayWindow window(KafkaConsumer<String, byte[]> consumer) {
    try {
      return ReplayWindow.of(consumer, request.topic(), request.from(), request.to());
    } catch (RuntimeException e) {
      consumer.close();
      throw e;
    }
  }

  private boolean deliver(
      DeliveryLoop loop, ReplayWindow window, ProgressListener progress, Instant start) {
    Instant nextProgress = start.plus(PROGRESS_INTERVAL);
    while (!loop.reachedBounds()) {
      loop.pollOnce();
      Instant now = clock.instant();
      if (!now.isBefore(nextProgress)) {
        progress.progress(progress(loop, window, start));
        nextProgress = now.plus(PROGRESS_INTERVAL);
      }
      if (Duration.between(loop.counters().lastCommit(), now).compareTo(request.giveUpAfter())
          > 0) {
        LOG.error(
            "[{}] nothing exported for {}; giving up the replay",
            backend.name(),
            request.giveUpAfter());
        return false;
      }
    }
    progress.progress(progress(loop, window, start));
    return true;
  }

  private ReplayProgress progress(DeliveryLoop loop, ReplayWindow window, Instant start) {
    LoopCounters read = loop.counters();
    return new ReplayProgress(
        read.records(),
        read.samples(),
        counters.exported(),
        window.fraction(read.committed()),
        Duration.between(start, clock.instant()));
  }

  private ReplayResult result(boolean completed, String group, LoopCounters read, Instant start) {
    ReplayCounters done = counters;
    return new ReplayResult(
        completed,
        group,
        read.records(),
        read.samples(),
        done.exported(),
        done.deadLetters(),
        done.rejected(),
        done.dropped(),
        Duration.between(start, clock.instant()));
  }
}
