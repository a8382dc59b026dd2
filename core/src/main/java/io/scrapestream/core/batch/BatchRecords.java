package io.scrapestream.core.batch;

import io.scrapestream.schemas.v1.ScrapeBatch;
import io.scrapestream.schemas.v1.Series;
import java.util.SortedMap;
import java.util.TreeMap;

/** Facts about {@code ScrapeBatch} records shared by every stage that reads or writes them. */
public final class BatchRecords {
  /** The Prometheus stale marker: a NaN with this exact bit pattern. */
  public static final long STALE_MARKER_BITS = 0x7ff0000000000002L;

  /** Record header that carries the schema version of the value. */
  public static final String SCHEMA_HEADER = "ss-schema";

  /** The schema version this code writes. */
  public static final String SCHEMA_VERSION = "1";

  private BatchRecords() {}

  public static boolean isStaleMarker(long valueBits) {
    return valueBits == STALE_MARKER_BITS;
  }

  /** The labels of one series of the batch, sorted by name. */
  public static SortedMap<String, String> labels(ScrapeBatch batch, Series series) {
    SortedMap<String, String> labels = new TreeMap<>();
    for (int i = 0; i + 1 < series.getLabelRefsCount(); i += 2) {
      labels.put(
          batch.getSymbols(series.getLabelRefs(i)), batch.getSymbols(series.getLabelRefs(i + 1)));
    }
    return labels;
  }

  /** The sample's timestamp: its own when it has one, else the scrape's. */
  public static long timestampMs(ScrapeBatch batch, Series series) {
    return series.hasTimestampMs() ? series.getTimestampMs() : batch.getTimestampMs();
  }
}
