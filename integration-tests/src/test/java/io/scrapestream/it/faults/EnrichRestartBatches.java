package io.scrapestream.it.faults;

import com.google.protobuf.InvalidProtocolBufferException;
import io.scrapestream.core.batch.BatchRecords;
import io.scrapestream.schemas.v1.ScrapeBatch;
import io.scrapestream.schemas.v1.Series;
import io.scrapestream.testsupport.faults.SequenceTargets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * What {@link EnrichRestartIT} reads back from samples.enriched: how often each sequence sample is
 * there, every stale marker, and {@code scrape_series_added} of every scrape but a target's first.
 */
final class EnrichRestartBatches {
  private final Map<String, Long> sequenceKeys = new HashMap<>();
  private final List<String> staleMarkers = new ArrayList<>();
  private final List<String> seriesAddedAfterFirstScrape = new ArrayList<>();

  /** Decodes every record; fails the test on a record that is not a ScrapeBatch. */
  static EnrichRestartBatches of(List<ConsumerRecord<String, byte[]>> records) {
    EnrichRestartBatches batches = new EnrichRestartBatches();
    for (ConsumerRecord<String, byte[]> record : records) {
      try {
        batches.add(ScrapeBatch.parseFrom(record.value()));
      } catch (InvalidProtocolBufferException e) {
        throw new AssertionError("samples.enriched holds a record that does not decode", e);
      }
    }
    return batches;
  }

  Map<String, Long> sequenceKeys() {
    return sequenceKeys;
  }

  /** {@code <instance> <series name>} of each stale marker. */
  List<String> staleMarkers() {
    return staleMarkers;
  }

  /**
   * {@code <instance>@<sequence>=<scrape_series_added>} of each scrape after the first; {@code
   * null} for a copy that enrich replayed unchanged (a batch not newer than the target's last).
   */
  List<String> seriesAddedAfterFirstScrape() {
    return seriesAddedAfterFirstScrape;
  }

  private void add(ScrapeBatch batch) {
    long sequence = -1;
    String seriesAdded = null;
    String instance = "";
    for (Series series : batch.getSeriesList()) {
      SortedMap<String, String> labels = BatchRecords.labels(batch, series);
      String name = labels.getOrDefault("__name__", "");
      instance = labels.getOrDefault("instance", "");
      double value = Double.longBitsToDouble(series.getValueBits());
      if (BatchRecords.isStaleMarker(series.getValueBits())) {
        staleMarkers.add(instance + " " + name);
      } else if (name.equals("seq")) {
        sequence = (long) value;
        sequenceKeys.merge(
            SequenceTargets.key(instance, labels.get("series"), sequence), 1L, Long::sum);
      } else if (name.equals("scrape_series_added")) {
        seriesAdded = String.valueOf((long) value);
      }
    }
    if (sequence > 1) {
      seriesAddedAfterFirstScrape.add(instance + "@" + sequence + "=" + seriesAdded);
    }
  }
}
