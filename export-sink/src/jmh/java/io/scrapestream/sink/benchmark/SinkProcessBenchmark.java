package io.scrapestream.sink.benchmark;

import io.scrapestream.broker.BrokerSettings;
import io.scrapestream.broker.EmbeddedKafkaBroker;
import io.scrapestream.core.config.BatchSettings;
import io.scrapestream.core.config.KafkaSettings;
import io.scrapestream.core.kafka.Topics;
import io.scrapestream.sink.SinkApp;
import io.scrapestream.testsupport.process.WorkDirectory;
import io.scrapestream.testsupport.victoriametrics.VictoriaMetricsServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.common.TopicPartition;

/**
 * Whole-process benchmark of one sink worker (export-sink/README.md, "Sink benchmark"). This JVM
 * runs the embedded KRaft broker, fills its topic with {@code rounds} rounds of {@code samples}
 * samples each (records of 500 series), one after the other, before any sink starts, and runs the
 * discarding OTLP and {@code _bulk} receivers; VictoriaMetrics runs as its own process. Per
 * exporter, one sink worker runs in a child JVM ({@link SinkChildProcess}: the launcher's sink JVM
 * options), started once, as a user runs it, and reads the whole topic with one consumer group. A
 * round's CPU is the child's {@code utime + stime} between two marks: the moments its group has
 * committed the last offset of the previous round and of this round in every partition. Round 1
 * counts from the child's start (JVM start-up, class loading, JIT of a cold process): cold.
 * Steady = the median of the rounds after {@code bench.warmupRounds} (default 20: 40 M samples,
 * where C2 stops compiling in bursts) but the last (rounds 21-29 of 30; the last round reads
 * nothing ahead and comes out low); with fewer rounds, of the second half but the last.
 *
 * <p>Arguments: {@code [samples] [rounds] [runs]}, default 2000000 30 and every run ({@code
 * rw1-victoriametrics,rw2-victoriametrics,otlp-discard,es-discard}). Properties: {@code
 * -Dbench.warmupRounds=W} (rounds before the steady window), {@code -Dbench.maxSamples=N} (samples
 * per request), {@code -Dbench.javaOpts="..."} (replaces the sink's
 * JVM options), {@code -Dbench.clientProperties=k=v,k=v} (Kafka client overrides, as {@code
 * kafka.client_properties}), {@code -Dbench.compression=lz4} (the topic's producer compression;
 * {@code none} by default).
 */
public final class SinkProcessBenchmark {
  private static final int PARTITIONS = 4;
  private static final int MAX_SAMPLES =
      Integer.getInteger("bench.maxSamples", BatchSettings.DEFAULT_MAX_SAMPLES);
  private static final int WARMUP_ROUNDS = Integer.getInteger("bench.warmupRounds", 20);

  private SinkProcessBenchmark() {}

  private record Run(String name, String exporter, String url) {}

  public static void main(String[] args) throws Exception {
    int samples = args.length > 0 ? Integer.parseInt(args[0]) : 2_000_000;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
    List<String> only = args.length > 2 ? List.of(args[2].split(",")) : List.of();
    try (WorkDirectory kafkaDirectory = WorkDirectory.create("sink-bench-kafka-");
        EmbeddedKafkaBroker broker =
            EmbeddedKafkaBroker.start(BrokerSettings.inDirectory(kafkaDirectory.path()));
        VictoriaMetricsServer vm = new VictoriaMetricsServer();
        DiscardingOtlpReceiver otlp = new DiscardingOtlpReceiver();
        DiscardingBulkReceiver bulk = new DiscardingBulkReceiver()) {
      vm.start();
      KafkaSettings kafka = new KafkaSettings(broker.bootstrapServers(), "bench.", Map.of());
      BenchTopic topic = new BenchTopic(broker.bootstrapServers(), Topics.samplesEnriched(kafka));
      List<Map<TopicPartition, Long>> marks = topic.fill(samples, rounds, PARTITIONS);
      System.out.printf(
          Locale.ROOT,
          "topic filled: %d rounds of %d samples (%d records); marks %s; sink JVM options: %s;"
              + " max_samples=%d%n",
          rounds,
          topic.recordsPerRound() * BenchTopic.SERIES_PER_BATCH,
          topic.recordsPerRound(),
          marks,
          SinkChildProcess.javaOptions(),
          MAX_SAMPLES);
      List<Run> runs =
          List.of(
              new Run("rw1-victoriametrics", "rw1", vm.remoteWriteUrl().toString()),
              new Run("rw2-victoriametrics", "rw2", vm.remoteWriteUrl().toString()),
              new Run("otlp-discard", "otlp", otlp.url().toString()),
              new Run("es-discard", "es", bulk.url().toString()));
      for (Run run : runs) {
        if (only.isEmpty() || only.contains(run.name())) {
          measure(broker.bootstrapServers(), topic, run, marks);
        }
      }
    }
  }

  private static void measure(
      String bootstrap, BenchTopic topic, Run run, List<Map<TopicPartition, Long>> marks)
      throws Exception {
    String clients = System.getProperty("bench.clientProperties", "-");
    List<Double> perMillion = new ArrayList<>();
    List<Double> withoutJit = new ArrayList<>();
    double millions = topic.recordsPerRound() * BenchTopic.SERIES_PER_BATCH / 1e6;
    try (SinkChildProcess child =
        SinkChildProcess.start(
            List.of(bootstrap, "bench.", run.exporter(), run.url(), "" + MAX_SAMPLES, clients))) {
      String group = SinkApp.groupId("b" + child.pid() + "r1");
      child.run("b" + child.pid() + "r1");
      ProcCpu before = new ProcCpu(0, Map.of());
      long start = System.nanoTime();
      for (int round = 1; round <= marks.size(); round++) {
        topic.awaitCommitted(group, marks.get(round - 1), Duration.ofMinutes(10));
        ProcCpu after = ProcCpu.read(child.pid());
        long now = System.nanoTime();
        double seconds = after.secondsSince(before);
        double jit = after.jitSecondsSince(before);
        perMillion.add(seconds / millions);
        withoutJit.add((seconds - jit) / millions);
        System.out.printf(
            Locale.ROOT,
            "exporter=%s round=%d wall_s=%.2f cpu_s=%.2f cpu_s_per_million=%.3f"
                + " without_jit=%.3f threads: %s%n",
            run.name(),
            round,
            (now - start) / 1e9,
            seconds,
            seconds / millions,
            (seconds - jit) / millions,
            after.split(before, 9));
        before = after;
        start = now;
      }
      child.stop();
    }
    int[] window = steadyWindow(perMillion.size());
    System.out.printf(
        Locale.ROOT,
        "exporter=%s CPU-s per million samples: cold (round 1, from JVM start)=%.3f"
            + " steady (median of rounds %d-%d)=%.3f, without the JIT compiler threads=%.3f;"
            + " by round: %s%n",
        run.name(),
        perMillion.get(0),
        window[0] + 1,
        window[1],
        median(perMillion.subList(window[0], window[1])),
        median(withoutJit.subList(window[0], window[1])),
        perMillion.stream()
            .map(v -> String.format(Locale.ROOT, "%.2f", v))
            .collect(Collectors.joining(" ")));
  }

  /**
   * The steady rounds, as indexes {@code [from, to)}: those after the warm-up but the last, when
   * there are any; else the second half but the last (rounds n/2+1 to n-1; the last alone when
   * fewer than 3). The last round is left out because it reads nothing ahead: every other round
   * also pays for reading and exporting part of the next one before its mark is committed, and is
   * paid for the same by the round before.
   */
  private static int[] steadyWindow(int n) {
    if (n - 1 > WARMUP_ROUNDS) {
      return new int[] {WARMUP_ROUNDS, n - 1};
    }
    return n < 3 ? new int[] {n - 1, n} : new int[] {n / 2, n - 1};
  }

  private static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    sorted.sort(null);
    int mid = sorted.size() / 2;
    return sorted.size() % 2 == 1 ? sorted.get(mid) : (sorted.get(mid - 1) + sorted.get(mid)) / 2;
  }
}
