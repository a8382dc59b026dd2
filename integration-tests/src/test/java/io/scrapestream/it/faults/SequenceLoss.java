package io.scrapestream.it.faults;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;
import java.util.Set;

/**
 * Loss and duplication counted per target-interval from the scrapes in a ledger: over {@code [from,
 * to)} each target owes one scrape per interval; an interval with none is lost, a scrape less than
 * half an interval after the previous one of its target is a duplicate (a second scraper).
 */
public record SequenceLoss(long expected, long lost, long duplicated) {
  public static SequenceLoss of(
      ScrapeLedger ledger, Set<String> keys, long fromMs, long toMs, long intervalMs) {
    long expected = 0;
    long lost = 0;
    long duplicated = 0;
    long owed = (toMs - fromMs) / intervalMs;
    for (String key : keys) {
      List<Long> times =
          ledger.timestamps(key).stream().filter(t -> t >= fromMs && t < toMs).toList();
      long distinct = 0;
      long previous = Long.MIN_VALUE;
      for (long time : times) {
        if (previous != Long.MIN_VALUE && time - previous < intervalMs / 2) {
          duplicated++;
        } else {
          distinct++;
        }
        previous = time;
      }
      expected += owed;
      lost += Math.max(0, owed - distinct);
    }
    return new SequenceLoss(expected, lost, duplicated);
  }

  /** The peak use of this JVM's heap pools, in MiB. */
  public static long peakHeapMib() {
    long bytes = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
        bytes += pool.getPeakUsage().getUsed();
      }
    }
    return bytes >> 20;
  }
}
