package io.scrapestream.ingest.parse;

import java.nio.file.Files;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Parser throughput on the real bodies of {@code shared/testdata/expositions}, one thread, so the
 * {@code samples} counter is samples per second per core. The text body is parsed as it is; for
 * OpenMetrics and protobuf it is converted once at setup ({@link TextToOpenMetrics}, {@link
 * TextToProtobuf}). The visitor consumes every value and label count, as the batch assembler would
 * at least.
 *
 * <p>Run: {@code mvn -B -o -Pjmh -pl ingest test-compile exec:exec}; pick with {@code
 * -Djmh.args="ParserBenchmark -p format=text -f 1 -wi 3 -i 5 -prof gc"}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ParserBenchmark {

  @Param({
    "node_exporter-e2e-output.txt",
    "node_exporter-1.5.0.prom",
    "cadvisor-prometheus_metrics.txt",
    "prometheus-2.42.0.prom"
  })
  public String file;

  @Param({"text", "openmetrics", "protobuf"})
  public String format;

  private byte[] body;
  private ExpositionParser parser;
  private Consumer consumer;
  private int samplesPerBody;

  /** Samples parsed, reported by JMH as a rate: samples per second of this one thread. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  public static class Samples {
    public long samples;

    @Setup(Level.Iteration)
    public void reset() {
      samples = 0;
    }
  }

  @Setup
  public void setUp(Blackhole blackhole) throws Exception {
    byte[] text = Files.readAllBytes(RealExpositionsTest.expositions().resolve(file));
    ExpositionFormat f =
        switch (format) {
          case "text" -> ExpositionFormat.PROMETHEUS_TEXT;
          case "openmetrics" -> ExpositionFormat.OPENMETRICS_TEXT;
          default -> ExpositionFormat.PROMETHEUS_PROTOBUF;
        };
    body =
        switch (f) {
          case PROMETHEUS_TEXT -> text;
          case OPENMETRICS_TEXT -> TextToOpenMetrics.convert(text);
          case PROMETHEUS_PROTOBUF -> TextToProtobuf.convert(text);
        };
    parser = f.newParser();
    consumer = new Consumer(blackhole);
    parser.parse(body, 0, body.length, consumer);
    samplesPerBody = consumer.samples;
  }

  @Benchmark
  public void parse(Samples counter) throws ExpositionParseException {
    parser.parse(body, 0, body.length, consumer);
    counter.samples += samplesPerBody;
  }

  /** Consumes what a parser reports, so that the JIT cannot drop the work. */
  static final class Consumer extends RecordingVisitorBase {
    private final Blackhole blackhole;
    int samples;

    Consumer(Blackhole blackhole) {
      this.blackhole = blackhole;
    }

    @Override
    public void sample(LabelView labels, long valueBits, boolean hasTimestamp, long timestampMs) {
      samples++;
      blackhole.consume(valueBits);
      blackhole.consume(labels.size());
    }
  }
}
