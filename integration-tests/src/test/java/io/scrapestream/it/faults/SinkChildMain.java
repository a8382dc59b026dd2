package io.scrapestream.it.faults;

import io.scrapestream.core.config.ConfigLoader;
import io.scrapestream.sink.SinkApp;
import io.scrapestream.sink.SinkListener;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The sink role in a JVM of its own, so that a scenario can kill it with SIGKILL or bound its heap:
 * argument the configuration file. Prints {@code RUNNING} once started, then every 250 ms a line
 * {@code STATS peak_heap_mib=<n> lag_records=<n> revoked=<n>}: the peak heap of this JVM ({@link
 * PeakHeap}), the sink's last reported consumer lag (-1 before its first report) and the partitions
 * rebalances took from it.
 */
public final class SinkChildMain {
  private static final Duration PERIOD = Duration.ofMillis(250);

  private SinkChildMain() {}

  public static void main(String[] args) throws Exception {
    AtomicLong lag = new AtomicLong(-1);
    AtomicInteger revoked = new AtomicInteger();
    SinkListener listener =
        new SinkListener() {
          @Override
          public void exported(String backend, long samples, Duration elapsed) {}

          @Override
          public void failed(String backend, String outcomeClass) {}

          @Override
          public void lag(String backend, long records, Duration age) {
            lag.set(records);
          }

          @Override
          public void revoked(String backend, int partitions) {
            revoked.addAndGet(partitions);
          }
        };
    SinkApp.start(ConfigLoader.load(Path.of(args[0])), listener);
    System.out.println("RUNNING");
    System.out.flush();
    while (true) {
      Thread.sleep(PERIOD.toMillis()); // the reporting period of the STATS line
      System.out.println(
          String.format(
              Locale.ROOT,
              "STATS peak_heap_mib=%d lag_records=%d revoked=%d",
              PeakHeap.mib(),
              lag.get(),
              revoked.get()));
      System.out.flush();
    }
  }
}
