package io.scrapestream.ingest.parse;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.util.List;

/**
 * A companion to {@link ParserBenchmark} for shared, busy machines: parses each real body for a
 * fixed number of rounds on one thread and divides by that thread's CPU time, not the wall clock,
 * so other processes do not lower the figure; also prints the bytes the thread allocated per
 * sample. Run: {@code mvn -B -o -Pjmh -pl ingest test-compile exec:exec
 * -Djmh.main=io.scrapestream.ingest.parse.ParserCpuTime -Djmh.args=}.
 */
public final class ParserCpuTime {

  private static final int WARMUP_ROUNDS = 3000;
  private static final int ROUNDS = 2000;

  private ParserCpuTime() {}

  public static void main(String[] args) throws Exception {
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    List<String> files =
        args.length > 0
            ? List.of(args)
            : List.of("node_exporter-e2e-output.txt", "node_exporter-1.5.0.prom");
    for (String file : files) {
      byte[] text = Files.readAllBytes(RealExpositionsTest.expositions().resolve(file));
      for (ExpositionFormat format : ExpositionFormat.values()) {
        byte[] body =
            switch (format) {
              case PROMETHEUS_TEXT -> text;
              case OPENMETRICS_TEXT -> TextToOpenMetrics.convert(text);
              case PROMETHEUS_PROTOBUF -> TextToProtobuf.convert(text);
            };
        measure(threads, file, format, body);
      }
    }
  }

  private static void measure(
      com.sun.management.ThreadMXBean threads, String file, ExpositionFormat format, byte[] body)
      throws ExpositionParseException {
    ExpositionParser parser = format.newParser();
    Counter counter = new Counter();
    for (int i = 0; i < WARMUP_ROUNDS; i++) {
      parser.parse(body, 0, body.length, counter);
    }
    counter.samples = 0;
    long bytes = threads.getCurrentThreadAllocatedBytes();
    long cpu = threads.getCurrentThreadCpuTime();
    for (int i = 0; i < ROUNDS; i++) {
      parser.parse(body, 0, body.length, counter);
    }
    cpu = threads.getCurrentThreadCpuTime() - cpu;
    bytes = threads.getCurrentThreadAllocatedBytes() - bytes;
    System.out.printf(
        "%-30s %-20s %,12.0f samples/cpu-second %8.3f B/sample (checksum %d)%n",
        file,
        format,
        counter.samples * 1e9 / cpu,
        (double) bytes / counter.samples,
        counter.checksum);
  }

  /** Consumes each value and label count into a checksum, so the JIT keeps the work. */
  private static final class Counter extends RecordingVisitorBase {
    long samples;
    long checksum;

    @Override
    public void sample(LabelView labels, long valueBits, boolean hasTimestamp, long timestampMs) {
      samples++;
      checksum += valueBits + labels.size();
    }
  }
}
