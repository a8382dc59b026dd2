package io.scrapestream.sink.benchmark;

import io.scrapestream.broker.BrokerSettings;
import io.scrapestream.broker.EmbeddedKafkaBroker;
import io.scrapestream.core.config.BatchSettings;
import io.scrapestream.core.config.KafkaSettings;
import io.scrapestream.core.kafka.Topics;
import io.scrapestream.sink.SinkApp;
import io.scrapestream.testsupport.victoriametrics.VictoriaMetricsServer;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Whole-process benchmark of one sink worker (export-sink/README.md, "Sink benchmark"). This JVM
 * runs the embedded KRaft broker, fills its topic with {@code samples} samples (records of 500
 * series) and runs the discarding OTLP and {@code _bulk} receivers; VictoriaMetrics runs as its own
 * process. Per exporter, one sink worker runs in a child JVM ({@link SinkChildProcess}: the
 * launcher's sink JVM options) and reads the whole topic {@code rounds} times, each time with a
 * fresh consumer group. A round's CPU is the child's {@code utime + stime} until its group
 * committed the end of the topic: round 1 from the child's start (JVM start-up, class loading, JIT
 * of a cold process), later rounds from the start of that round's sink. Steady = the median of
 * rounds 3 and later (of the last round when fewer than 3).
 *
 * <p>Arguments: {@code [samples] [rounds] [runs]}, default 2000000 5 and every run ({@code
 * rw1-victoriametrics,rw2-victoriametrics,otlp-discard,es-discard}). Properties: {@code
 * -Dbench.maxSamples=N} (samples per request), {@code -Dbench.javaOpts="..."} (replaces the sink's
 * JVM options), {@code -Dbench.clientProperties=k=v,k=v} (Kafka client overrides, as {@code
 * kafka.client_properties}).
 */
public final class SinkProcessBenchmark {
  private static final int PARTITIONS = 4;
  private static final int MAX_SAMPLES =
      Integer.getInteger("bench.maxSamples", BatchSettings.DEFAULT_MAX_SAMPLES);

  private SinkProcessBenchmark() {}

  private record Run(String name, String exporter, String url) {}

  public static void main(String[] args) throws Exception {
    int samples = args.length > 0 ? Integer.parseInt(args[0]) : 2_000_000;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    List<String> only = args.length > 2 ? List.of(args[2].split(",")) : List.of();
    try (EmbeddedKafkaBroker broker =
            EmbeddedKafkaBroker.start(
                BrokerSettings.inDirectory(Files.createTempDirectory("sink-bench-kafka-")));
        VictoriaMetricsServer vm = new VictoriaMetricsServer();
        DiscardingOtlpReceiver otlp = new DiscardingOtlpReceiver();
        DiscardingBulkReceiver bulk = new DiscardingBulkReceiver()) {
      vm.start();
      KafkaSettings kafka = new KafkaSettings(broker.bootstrapServers(), "bench.", Map.of());
      BenchTopic topic = new BenchTopic(broker.bootstrapServers(), Topics.samplesEnriched(kafka));
      int exported = topic.fill(samples, PARTITIONS);
      System.out.printf(
          Locale.ROOT,
          "topic filled: %d samples in %d records; sink JVM options: %s; max_samples=%d%n",
          exported,
          topic.records(),
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
          measure(broker.bootstrapServers(), topic, run, rounds, exported);
        }
      }
    }
  }

  private static void measure(String bootstrap, BenchTopic topic, Run run, int rounds, int n)
      throws Exception {
    String clients = System.getProperty("bench.clientProperties", "-");
    List<Double> perMillion = new ArrayList<>();
    List<Double> withoutJit = new ArrayList<>();
    try (SinkChildProcess child =
        SinkChildProcess.start(
            List.of(bootstrap, "bench.", run.exporter(), run.url(), "" + MAX_SAMPLES, clients))) {
      ProcCpu before = new ProcCpu(0, Map.of());
      for (int round = 1; round <= rounds; round++) {
        ProcCpu after = round(child, topic, run.name() + " round=" + round, before);
        perMillion.add(after.secondsSince(before) / (n / 1e6));
        withoutJit.add((after.secondsSince(before) - after.jitSecondsSince(before)) / (n / 1e6));
        before = ProcCpu.read(child.pid());
      }
    }
    System.out.printf(
        Locale.ROOT,
        "exporter=%s CPU-s per million samples: cold (round 1, from JVM start)=%.3f"
            + " steady (median of rounds >= 3)=%.3f, without the JIT compiler threads=%.3f%n",
        run.name(),
        perMillion.get(0),
        steady(perMillion),
        steady(withoutJit));
  }

  /** One round: a fresh group reads the whole topic; answers the child's CPU at its commit. */
  private static ProcCpu round(
      SinkChildProcess child, BenchTopic topic, String name, ProcCpu before) throws Exception {
    String backend = "b" + child.pid() + "r" + name.substring(name.lastIndexOf('=') + 1);
    long start = System.nanoTime();
    child.run(backend);
    topic.awaitCommitted(SinkApp.groupId(backend), Duration.ofMinutes(10));
    ProcCpu after = ProcCpu.read(child.pid());
    double wall = (System.nanoTime() - start) / 1e9;
    child.stop();
    double seconds = after.secondsSince(before);
    double millions = topic.records() * BenchTopic.SERIES_PER_BATCH / 1e6;
    System.out.printf(
        Locale.ROOT,
        "exporter=%s wall_s=%.2f cpu_s=%.2f cpu_s_per_million=%.3f without_jit=%.3f threads: %s%n",
        name,
        wall,
        seconds,
        seconds / millions,
        (seconds - after.jitSecondsSince(before)) / millions,
        after.split(before, 9));
    return after;
  }

  private static double steady(List<Double> perMillion) {
    List<Double> late =
        new ArrayList<>(perMillion.subList(Math.min(2, perMillion.size() - 1), perMillion.size()));
    late.sort(null);
    int mid = late.size() / 2;
    return late.size() % 2 == 1 ? late.get(mid) : (late.get(mid - 1) + late.get(mid)) / 2;
  }
}
