package io.scrapestream.sink.benchmark;

import io.scrapestream.broker.BrokerSettings;
import io.scrapestream.broker.EmbeddedKafkaBroker;
import io.scrapestream.core.config.AllocatorSettings;
import io.scrapestream.core.config.BackendConfig;
import io.scrapestream.core.config.BatchSettings;
import io.scrapestream.core.config.ElasticsearchConfig;
import io.scrapestream.core.config.EnrichSettings;
import io.scrapestream.core.config.ExporterConfig;
import io.scrapestream.core.config.GlobalConfig;
import io.scrapestream.core.config.KafkaSettings;
import io.scrapestream.core.config.OtlpConfig;
import io.scrapestream.core.config.RemoteWriteConfig;
import io.scrapestream.core.config.RemoteWriteConfig.ProtocolVersion;
import io.scrapestream.core.config.ScraperSettings;
import io.scrapestream.core.config.ScrapestreamConfig;
import io.scrapestream.core.config.TelemetrySettings;
import io.scrapestream.core.kafka.Topics;
import io.scrapestream.sink.SinkApp;
import io.scrapestream.sink.SinkListener;
import io.scrapestream.testsupport.victoriametrics.VictoriaMetricsServer;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Whole-process benchmark of one sink worker: a topic on an embedded KRaft broker is filled with
 * {@code N} samples (batches of 500 series), then one sink worker at a time exports all of it —
 * remote write 1.0 and 2.0 into a real VictoriaMetrics, OTLP and Elasticsearch {@code _bulk} into
 * receivers that discard — and
 * the CPU time of the threads the sink started is divided by the samples exported. Each exporter
 * runs {@code rounds} times with a fresh consumer group; the last round is the figure (the earlier
 * ones warm up the JIT). Arguments: {@code [samples] [rounds] [runs]}, default 2000000 2 and every
 * run; {@code runs} is a comma-separated list of names, e.g. {@code rw1-victoriametrics}.
 *
 * <p>Run (export-sink/README.md, "Sink benchmark"): {@code mvn -B test-compile
 * org.codehaus.mojo:exec-maven-plugin:3.5.1:exec -pl export-sink -Dexec.executable=java
 * -Dexec.classpathScope=test "-Dexec.args=-Xmx1g -cp %classpath
 * io.scrapestream.sink.benchmark.SinkProcessBenchmark 2000000 2"}
 */
public final class SinkProcessBenchmark {
  private static final int PARTITIONS = 4;
  /** The defaults, or {@code -Dbench.maxSamples=N} samples per request to compare batch sizes. */
  private static final BatchSettings BATCH =
      new BatchSettings(
          Integer.getInteger("bench.maxSamples", BatchSettings.DEFAULT_MAX_SAMPLES),
          BatchSettings.DEFAULT_MAX_DELAY);

  private SinkProcessBenchmark() {}

  public static void main(String[] args) throws Exception {
    int samples = args.length > 0 ? Integer.parseInt(args[0]) : 2_000_000;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 2;
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
          Locale.ROOT, "topic filled: %d samples in %d records%n", exported, topic.records());
      List<Run> runs =
          List.of(
              new Run("rw1-victoriametrics", rw(vm, ProtocolVersion.V1)),
              new Run("rw2-victoriametrics", rw(vm, ProtocolVersion.V2)),
              new Run("otlp-discard", otlpConfig(otlp)),
              new Run("es-discard", esConfig(bulk)));
      List<String> only = args.length > 2 ? List.of(args[2].split(",")) : List.of();
      for (Run run : runs) {
        if (!only.isEmpty() && !only.contains(run.name())) {
          continue;
        }
        for (int round = 1; round <= rounds; round++) {
          measure(kafka, topic, run, round, exported);
        }
      }
    }
  }

  private record Run(String name, ExporterConfig exporter) {}

  private static RemoteWriteConfig rw(VictoriaMetricsServer vm, ProtocolVersion version) {
    return new RemoteWriteConfig(
        vm.remoteWriteUrl(),
        Duration.ofSeconds(30),
        Map.of(),
        version,
        version == ProtocolVersion.V2,
        false,
        Optional.empty());
  }

  private static OtlpConfig otlpConfig(DiscardingOtlpReceiver otlp) {
    return new OtlpConfig(otlp.url(), Duration.ofSeconds(30), Map.of(), OtlpConfig.Compression.GZIP);
  }

  private static ElasticsearchConfig esConfig(DiscardingBulkReceiver bulk) {
    return new ElasticsearchConfig(
        bulk.url(),
        "metrics-bench-default",
        Duration.ofSeconds(30),
        Map.of(),
        new ElasticsearchConfig.NoAuth(),
        ElasticsearchConfig.DocumentIds.HASH);
  }

  private static void measure(KafkaSettings kafka, BenchTopic topic, Run run, int round, int n)
      throws Exception {
    String backend = run.name() + "-" + round;
    ScrapestreamConfig config =
        new ScrapestreamConfig(
            GlobalConfig.defaults(),
            List.of(),
            kafka,
            ScraperSettings.defaults(),
            EnrichSettings.defaults(),
            TelemetrySettings.defaults(),
            List.of(new BackendConfig(backend, run.exporter(), BATCH)),
            AllocatorSettings.defaults());
    SinkCpuMeter meter = new SinkCpuMeter();
    long start = System.nanoTime();
    long sinkCpu;
    long processCpu;
    String busiest;
    try (SinkApp sink = SinkApp.start(config, SinkListener.NO_OP)) {
      topic.awaitCommitted(SinkApp.groupId(backend), Duration.ofMinutes(10));
      sinkCpu = meter.newThreadsCpuNanos();
      processCpu = meter.processDeltaNanos();
      busiest = meter.busiestThreads(4);
    }
    double wall = (System.nanoTime() - start) / 1e9;
    double millions = n / 1e6;
    System.out.printf(
        Locale.ROOT,
        "exporter=%s round=%d samples=%d wall_s=%.2f sink_cpu_s=%.3f"
            + " sink_cpu_s_per_million=%.3f process_cpu_s_per_million=%.3f threads: %s%n",
        run.name(),
        round,
        n,
        wall,
        sinkCpu / 1e9,
        sinkCpu / 1e9 / millions,
        processCpu / 1e9 / millions,
        busiest);
  }
}
