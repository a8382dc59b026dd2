package io.scrapestream.sink.remotewrite;

import io.scrapestream.schemas.v1.ScrapeBatch;
import io.scrapestream.sink.series.FlatBatch;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.function.Function;

/**
 * CPU seconds per million samples of the encode path, measured with the thread's CPU time, which
 * other processes on a busy machine do not inflate as they do wall time. Run from the test class
 * path: {@code java -cp ... io.scrapestream.sink.remotewrite.RemoteWriteEncodeCpuTime}.
 */
public final class RemoteWriteEncodeCpuTime {
  private static final int WARMUP_ROUNDS = 300;
  private static final int MEASURED_ROUNDS = 500;

  private RemoteWriteEncodeCpuTime() {}

  public static void main(String[] args) throws IOException {
    List<ScrapeBatch> batches = RemoteWriteEncodeBenchmark.batches(1_700_000_000_000L);
    measure(
        "remote write 1.0, WriteRequestConverter.encode + snappy",
        batches,
        b ->
            RemoteWriteProtocol.compress(WriteRequestConverter.encode(b, false, false).protobuf()));
    WriteRequestWriter writer = new WriteRequestWriter();
    List<FlatBatch> decoded = batches.stream().map(FlatBatch::of).toList();
    measure(
        "remote write 1.0, WriteRequestWriter (the exporter's path, batches decoded)",
        batches,
        b -> writer.write(decoded, false).orElseThrow().snappy());
    List<byte[]> records = batches.stream().map(ScrapeBatch::toByteArray).toList();
    measureDecode("decode, ScrapeBatch.parseFrom", records, b -> ScrapeBatch.parseFrom(b).getSeriesCount());
    measureDecode("decode, FlatBatch.decode (the sink's)", records, b -> FlatBatch.decode(b).seriesCount());
    measure(
        "remote write 2.0",
        batches,
        b -> RemoteWriteProtocol.encode(V2RequestConverter.convert(b, true, false).request()));
  }

  private static void measure(
      String name, List<ScrapeBatch> batches, Function<List<ScrapeBatch>, byte[]> encode) {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long bytes = 0;
    for (int i = 0; i < WARMUP_ROUNDS; i++) {
      bytes += encode.apply(batches).length;
    }
    long start = threads.getCurrentThreadCpuTime();
    for (int i = 0; i < MEASURED_ROUNDS; i++) {
      bytes += encode.apply(batches).length;
    }
    long cpuNanos = threads.getCurrentThreadCpuTime() - start;
    double samples = (double) MEASURED_ROUNDS * RemoteWriteEncodeBenchmark.SAMPLES;
    System.out.printf(
        "%s: %.1f ns CPU/sample = %.3f CPU-s per million samples (%d bytes written)%n",
        name, cpuNanos / samples, cpuNanos / samples / 1000.0, bytes);
  }

  /** A decoder of one record, answering something of the batch so that nothing is left out. */
  @FunctionalInterface
  private interface Decoder {
    int decode(byte[] record) throws IOException;
  }

  private static void measureDecode(String name, List<byte[]> records, Decoder decoder)
      throws IOException {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long checksum = 0;
    for (int i = 0; i < WARMUP_ROUNDS; i++) {
      for (byte[] record : records) {
        checksum += decoder.decode(record);
      }
    }
    long start = threads.getCurrentThreadCpuTime();
    for (int i = 0; i < MEASURED_ROUNDS; i++) {
      for (byte[] record : records) {
        checksum += decoder.decode(record);
      }
    }
    long cpuNanos = threads.getCurrentThreadCpuTime() - start;
    double samples = (double) MEASURED_ROUNDS * RemoteWriteEncodeBenchmark.SAMPLES;
    System.out.printf(
        "%s: %.1f ns CPU/sample = %.3f CPU-s per million samples (checksum %d)%n",
        name, cpuNanos / samples, cpuNanos / samples / 1000.0, checksum);
  }
}
