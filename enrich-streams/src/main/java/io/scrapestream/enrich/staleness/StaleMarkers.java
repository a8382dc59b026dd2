package io.scrapestream.enrich.staleness;

import io.scrapestream.core.batch.BatchRecords;
import io.scrapestream.enrich.batch.BatchFormatException;
import io.scrapestream.enrich.batch.BatchScanner;
import io.scrapestream.enrich.batch.IndexedBatch;
import io.scrapestream.schemas.v1.ScrapeBatch;
import io.scrapestream.schemas.v1.Series;
import java.util.Arrays;

/** Writes stale markers ({@code 0x7ff0000000000002}) for series of a stored set. */
final class StaleMarkers {
  private StaleMarkers() {}

  /**
   * Appends a stale marker to {@code batch}, at its timestamp, for each series of {@code previous}
   * listed in {@code removed}; returns how many.
   */
  static int append(IndexedBatch batch, SeriesSet previous, int[] removed) {
    if (removed.length == 0) {
      return 0;
    }
    int[] remap = new int[previous.symbolCount()];
    Arrays.fill(remap, -1);
    for (int series : removed) {
      int[] refs = new int[previous.labelRefCount(series)];
      for (int i = 0; i < refs.length; i++) {
        int symbol = previous.labelRef(series, i);
        if (remap[symbol] < 0) {
          remap[symbol] = batch.appendSymbol(previous.symbol(symbol));
        }
        refs[i] = remap[symbol];
      }
      batch.appendSeries(refs, BatchRecords.STALE_MARKER_BITS);
    }
    return removed.length;
  }

  /**
   * A batch of stale markers for every tracked series of a target that stopped reporting (a series
   * with its own timestamp gets none, as in Prometheus, unless {@code track_timestamps_staleness}).
   */
  static IndexedBatch goneTarget(SeriesSet set, long timestampMs) {
    ScrapeBatch.Builder batch =
        ScrapeBatch.newBuilder().setTarget(set.target()).setTimestampMs(timestampMs).addSymbols("");
    for (int s = 0; s < set.symbolCount(); s++) {
      batch.addSymbols(set.symbol(s));
    }
    for (int series = 0; series < set.seriesCount(); series++) {
      if (set.untracked(series)) {
        continue;
      }
      Series.Builder marker = Series.newBuilder().setValueBits(BatchRecords.STALE_MARKER_BITS);
      for (int i = 0; i < set.labelRefCount(series); i++) {
        marker.addLabelRefs(set.labelRef(series, i) + 1);
      }
      batch.addSeries(marker);
    }
    try {
      return BatchScanner.scan(batch.build().toByteArray());
    } catch (com.google.protobuf.InvalidProtocolBufferException | BatchFormatException e) {
      throw new IllegalStateException("a batch built here must scan", e);
    }
  }
}
