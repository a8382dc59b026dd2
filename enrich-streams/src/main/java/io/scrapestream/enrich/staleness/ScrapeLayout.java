package io.scrapestream.enrich.staleness;

import io.scrapestream.core.batch.BatchRecords;
import io.scrapestream.enrich.batch.IndexedBatch;
import io.scrapestream.enrich.batch.SeriesHash;
import io.scrapestream.enrich.batch.SymbolHash;

/**
 * What staleness compares first: a digest of a whole scrape's series set as laid out in its batch
 * ({@link IndexedBatch#layoutDigest()}), plus which original series are stale markers (they are not
 * in the set), which have their own timestamp and whether the target tracks those (untracked series
 * are marked so in the set), and the hashes of the series this stage appended ({@code
 * scrape_series_added}, from the target labels). When it equals the digest stored with the target's
 * header, the set is the one the header's fingerprint describes and no series is hashed; the common
 * case, since a target's exposition keeps its series and their order from one scrape to the next.
 */
final class ScrapeLayout {
  /** No digest: a chunked scrape, or a header written before digests were kept. */
  static final long UNKNOWN = 0;

  private static final long STALE = 0xD6E8FEB86659FD93L;
  private static final long APPENDED = 0x9E3779B97F4A7C15L;
  private static final long TIMESTAMPED = 0xC2B2AE3D27D4EB4FL;
  private static final long TRACKS_TIMESTAMPED = 0x165667B19E3779F9L;

  private ScrapeLayout() {}

  /** The digest of a whole scrape's batch; never {@link #UNKNOWN}. */
  static long of(IndexedBatch batch) {
    long h = batch.layoutDigest();
    int original = batch.originalSeriesCount();
    for (int s = 0; s < original; s++) {
      if (BatchRecords.isStaleMarker(batch.valueBits(s))) {
        h = SymbolHash.mix(h + (s + 1) * STALE);
      }
    }
    for (int s = original; s < batch.seriesCount(); s++) {
      h = SymbolHash.mix(h + SeriesHash.of(batch, s) * APPENDED);
    }
    for (int i = 0; i < batch.timestampedSeriesCount(); i++) {
      h = SymbolHash.mix(h + (batch.timestampedSeries(i) + 1L) * TIMESTAMPED);
    }
    if (batch.target().getTrackTimestampsStaleness()) {
      h = SymbolHash.mix(h + TRACKS_TIMESTAMPED);
    }
    return h == UNKNOWN ? 1 : h;
  }
}
