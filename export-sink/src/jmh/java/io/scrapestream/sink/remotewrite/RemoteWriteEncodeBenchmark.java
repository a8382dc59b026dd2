package io.scrapestream.sink.remotewrite;

import io.scrapestream.schemas.v1.ScrapeBatch;
import io.scrapestream.sink.ScrapeBatchBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The remote write encode path of one export (ScrapeBatch list → request → protobuf → snappy), per
 * sample: 20 batches (targets) of 500 series with 8 labels each, as a sink exports at its default
 * batch size of 10,000 samples. Run: {@code mvn -B -o verify -pl export-sink -Pjmh -DskipTests}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RemoteWriteEncodeBenchmark {
  static final int TARGETS = 20;
  static final int SERIES_PER_TARGET = 500;
  static final int SAMPLES = TARGETS * SERIES_PER_TARGET;

  private List<ScrapeBatch> batches;

  @Setup
  public void setUp() {
    batches = batches(1_700_000_000_000L);
  }

  /** Batches like node_exporter's: a few metric names, a handful of label values each. */
  static List<ScrapeBatch> batches(long timestampMs) {
    List<ScrapeBatch> batches = new ArrayList<>();
    for (int t = 0; t < TARGETS; t++) {
      ScrapeBatchBuilder batch = ScrapeBatchBuilder.batch("target-" + t, timestampMs);
      for (int s = 0; s < SERIES_PER_TARGET; s++) {
        batch.sample(
            s * 1.25 + t,
            "__name__", "node_cpu_seconds_total_" + (s % 50),
            "cpu", Integer.toString(s / 50),
            "mode", (s % 2 == 0) ? "idle" : "user",
            "instance", "10.0.0." + t + ":9100",
            "job", "node",
            "namespace", "monitoring",
            "pod", "node-exporter-" + t,
            "node", "worker-" + (t % 5));
      }
      batches.add(batch.build());
    }
    return batches;
  }

  @Benchmark
  @OperationsPerInvocation(SAMPLES)
  public byte[] encodeV1() {
    return RemoteWriteProtocol.compress(
        WriteRequestConverter.encode(batches, false, false).protobuf());
  }

  @Benchmark
  @OperationsPerInvocation(SAMPLES)
  public byte[] encodeV2() {
    return RemoteWriteProtocol.encode(
        V2RequestConverter.convert(batches, true, false).request());
  }
}
