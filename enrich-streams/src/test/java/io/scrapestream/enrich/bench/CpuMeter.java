package io.scrapestream.enrich.bench;

import io.scrapestream.enrich.topology.EnrichListener;
import java.lang.management.ManagementFactory;

/**
 * Counts batches and samples written, and the CPU time the application's threads (its stream thread
 * and its producer's network thread) used between the first and the last batch.
 */
final class CpuMeter implements EnrichListener {
  private final String applicationId;
  private final long expectedBatches;
  private volatile long batches;
  private volatile long samples;
  private volatile long firstNanos;
  private volatile long lastNanos;
  private volatile long firstCpu;
  private volatile long lastCpu;

  CpuMeter(String applicationId, long expectedBatches) {
    this.applicationId = applicationId;
    this.expectedBatches = expectedBatches;
  }

  @Override
  public void batchWritten(int count) {
    if (batches == 0) {
      firstNanos = System.nanoTime();
      firstCpu = EnrichThroughputBench.threadCpuNanos(applicationId);
    } else {
      samples += count;
    }
    batches++;
    if (batches == expectedBatches) {
      lastNanos = System.nanoTime();
      lastCpu = EnrichThroughputBench.threadCpuNanos(applicationId);
    }
  }

  long batches() {
    return batches;
  }

  String report(int seriesPerBatch) {
    double cpuSeconds = (lastCpu - firstCpu) / 1e9;
    double wallSeconds = (lastNanos - firstNanos) / 1e9;
    var os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    return String.format(
        "BENCH %d series/batch: %d batches, %d samples after the first; app threads CPU %.2fs -> %.0f samples/s"
            + " per core; wall %.2fs -> %.0f samples/s; process CPU so far %.1fs",
        seriesPerBatch,
        batches,
        samples,
        cpuSeconds,
        samples / cpuSeconds,
        wallSeconds,
        samples / wallSeconds,
        os.getProcessCpuTime() / 1e9);
  }
}
