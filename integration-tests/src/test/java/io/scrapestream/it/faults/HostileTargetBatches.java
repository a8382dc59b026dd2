package io.scrapestream.it.faults;

import com.google.protobuf.InvalidProtocolBufferException;
import io.scrapestream.core.batch.BatchRecords;
import io.scrapestream.schemas.v1.Label;
import io.scrapestream.schemas.v1.ScrapeBatch;
import io.scrapestream.schemas.v1.Series;
import io.scrapestream.testsupport.faults.SequenceTargets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * What {@link HostileTargetIT} reads back from samples.raw: the sequence samples of the normal
 * targets with when each scrape started and when its record was produced, and the reports of the
 * hostile jobs.
 */
final class HostileTargetBatches {
  private final Map<String, Long> sequenceKeys = new HashMap<>();
  private final Map<String, List<long[]>> scrapeTimes = new TreeMap<>();
  private final Map<String, TreeSet<String>> reports = new TreeMap<>();
  private final Map<String, Long> scrapes = new HashMap<>();
  private final Map<String, Long> failed = new HashMap<>();
  private final Map<String, Long> maxSequence = new HashMap<>();

  static HostileTargetBatches of(List<ConsumerRecord<String, byte[]>> records) {
    HostileTargetBatches batches = new HostileTargetBatches();
    for (ConsumerRecord<String, byte[]> record : records) {
      try {
        batches.add(ScrapeBatch.parseFrom(record.value()), record.timestamp());
      } catch (InvalidProtocolBufferException e) {
        throw new AssertionError("samples.raw holds a record that does not decode", e);
      }
    }
    return batches;
  }

  Map<String, Long> sequenceKeys() {
    return sequenceKeys;
  }

  /** The distinct {@code up=<0|1> <error>} reports of a job's scrapes. */
  TreeSet<String> reports(String job) {
    return reports.getOrDefault(job, new TreeSet<>());
  }

  /** How many scrapes of {@code job} are on the topic. */
  long scrapes(String job) {
    return scrapes.getOrDefault(job, 0L);
  }

  /** How many scrapes of {@code job} failed (up 0). */
  long failedScrapes(String job) {
    return failed.getOrDefault(job, 0L);
  }

  /** The highest sequence number stored of a normal target, 0 when none. */
  long maxSequence(String instance) {
    return maxSequence.getOrDefault(instance, 0L);
  }

  /** The longest time from a normal scrape's start to its record's production, in ms. */
  long worstDelayMs() {
    return scrapeTimes.values().stream()
        .flatMap(List::stream)
        .mapToLong(times -> times[1] - times[0])
        .max()
        .orElse(0);
  }

  /** The longest time between two consecutive scrapes of one normal target, in ms. */
  long worstGapMs() {
    long worst = 0;
    for (List<long[]> times : scrapeTimes.values()) {
      List<Long> starts = times.stream().map(t -> t[0]).sorted().toList();
      for (int i = 1; i < starts.size(); i++) {
        worst = Math.max(worst, starts.get(i) - starts.get(i - 1));
      }
    }
    return worst;
  }

  private void add(ScrapeBatch batch, long producedMs) {
    String job = batch.getTarget().getJob();
    String up = batch.getReport().getUp() ? "up=1" : "up=0";
    reports.computeIfAbsent(job, j -> new TreeSet<>()).add(up + " " + batch.getReport().getError());
    scrapes.merge(job, 1L, Long::sum);
    if (!batch.getReport().getUp()) {
      failed.merge(job, 1L, Long::sum);
    }
    if (!job.equals("seq")) {
      return;
    }
    String instance = instance(batch);
    scrapeTimes
        .computeIfAbsent(instance, i -> new ArrayList<>())
        .add(new long[] {batch.getTimestampMs(), producedMs});
    for (Series series : batch.getSeriesList()) {
      SortedMap<String, String> labels = BatchRecords.labels(batch, series);
      if ("seq".equals(labels.get("__name__"))) {
        long sequence = (long) Double.longBitsToDouble(series.getValueBits());
        sequenceKeys.merge(
            SequenceTargets.key(instance, labels.get("series"), sequence), 1L, Long::sum);
        maxSequence.merge(instance, sequence, Math::max);
      }
    }
  }

  private static String instance(ScrapeBatch batch) {
    return batch.getTarget().getLabelsList().stream()
        .filter(label -> label.getName().equals("instance"))
        .map(Label::getValue)
        .findFirst()
        .orElse("");
  }
}
