package io.scrapestream.enrich.staleness;

import io.scrapestream.core.batch.BatchRecords;
import io.scrapestream.enrich.batch.IndexedBatch;
import io.scrapestream.enrich.batch.LabelSource;
import io.scrapestream.enrich.batch.SeriesHash;
import io.scrapestream.enrich.batch.SymbolHash;
import java.util.Arrays;

/**
 * The series of one scrape: a batch's (including appended {@code scrape_series_added}) plus, for a
 * chunked scrape, those of its earlier chunks. Hashing every series and summing the hashes is all
 * an unchanged scrape costs; sorting and comparing happen only when the fingerprint changed. Series
 * whose value is a stale marker count as present but are not kept. A series with its own timestamp
 * is kept but untracked (it gets no stale marker when it disappears) unless the target has {@code
 * track_timestamps_staleness}, as Prometheus does; its hash enters the fingerprint salted, so a
 * series that gains or loses its timestamp changes the fingerprint. Like Prometheus, a tracked
 * series that gains a timestamp gets its stale marker in that scrape: it is no longer tracked.
 */
final class ScrapeSeries {
  private static final long UNTRACKED_SALT = 0x632BE59BD9B4E019L;

  private final IndexedBatch batch;
  private final SeriesSet earlierChunks;
  private final boolean[] untrackedInBatch;
  private final int n;
  private final long[] hashes;
  private final int[] payloads;
  private final Fingerprint fingerprint;

  /** What changed since the previous scrape, and the set to keep for the next one. */
  record Comparison(int[] removed, int added, SeriesSetWriter.SeriesList kept) {}

  private ScrapeSeries(IndexedBatch batch, SeriesSet earlierChunks) {
    this.batch = batch;
    this.earlierChunks = earlierChunks;
    this.untrackedInBatch = untrackedInBatch(batch);
    int fromBatch = batch.seriesCount();
    this.n = fromBatch + (earlierChunks == null ? 0 : earlierChunks.seriesCount());
    this.hashes = new long[n];
    this.payloads = new int[n];
    long count = 0;
    long sum = 0;
    long xor = 0;
    for (int i = 0; i < n; i++) {
      boolean fromEarlier = i >= fromBatch;
      long hash = fromEarlier ? earlierChunks.hash(i - fromBatch) : SeriesHash.of(batch, i);
      hashes[i] = hash;
      payloads[i] = fromEarlier ? -1 - (i - fromBatch) : i;
      if (fromEarlier || !BatchRecords.isStaleMarker(batch.valueBits(i))) {
        long salted = isUntracked(payloads[i]) ? SymbolHash.mix(hash + UNTRACKED_SALT) : hash;
        count++;
        sum += salted;
        xor ^= salted;
      }
    }
    this.fingerprint = new Fingerprint(count, sum, xor);
  }

  /** Which of the batch's series have their own timestamp; null when none, or when tracked. */
  private static boolean[] untrackedInBatch(IndexedBatch batch) {
    int timestamped = batch.timestampedSeriesCount();
    if (timestamped == 0 || batch.target().getTrackTimestampsStaleness()) {
      return null;
    }
    boolean[] untracked = new boolean[batch.seriesCount()];
    for (int i = 0; i < timestamped; i++) {
      untracked[batch.timestampedSeries(i)] = true;
    }
    return untracked;
  }

  /** The batch's series, with those of earlier chunks of the same scrape when given. */
  static ScrapeSeries of(IndexedBatch batch, SeriesSet earlierChunks) {
    return new ScrapeSeries(batch, earlierChunks);
  }

  /** The fingerprint of the series kept (those not stale-marked). */
  Fingerprint fingerprint() {
    return fingerprint;
  }

  /** Compares with the previous scrape's set: what disappeared, how many are new, what to keep. */
  Comparison compareWith(SeriesSet previous) {
    HashOrder.sort(hashes, payloads, n);
    int[] removed = removed(previous);
    Kept kept = new Kept(n);
    int added = 0;
    int p = 0;
    for (int i = 0; i < n; ) {
      int end = i;
      int chosen = -1;
      for (; end < n && hashes[end] == hashes[i]; end++) {
        chosen = chosen < 0 && !isStale(payloads[end]) ? end : chosen;
      }
      if (chosen >= 0) {
        int payload = payloads[chosen];
        kept.add(hashes[i], source(payload), series(payload), isUntracked(payload));
        while (p < previous.seriesCount() && previous.hash(p) < hashes[i]) {
          p++;
        }
        boolean known = p < previous.seriesCount() && previous.hash(p) == hashes[i];
        added += known || isReportSeries(payloads[chosen]) ? 0 : 1;
      }
      i = end;
    }
    return new Comparison(removed, added, kept.list());
  }

  private boolean isReportSeries(int payload) {
    return ReportSeries.isReportSeries(source(payload), series(payload));
  }

  /** The series kept for the next comparison, in ascending hash order. */
  private static final class Kept {
    private final long[] hashes;
    private final LabelSource[] sources;
    private final int[] series;
    private final boolean[] untracked;
    private int count;

    Kept(int capacity) {
      hashes = new long[capacity];
      sources = new LabelSource[capacity];
      series = new int[capacity];
      untracked = new boolean[capacity];
    }

    void add(long hash, LabelSource source, int index, boolean isUntracked) {
      hashes[count] = hash;
      sources[count] = source;
      untracked[count] = isUntracked;
      series[count++] = index;
    }

    SeriesSetWriter.SeriesList list() {
      return new SeriesSetWriter.SeriesList(count, hashes, sources, series, untracked);
    }
  }

  private int[] removed(SeriesSet previous) {
    int[] removed = new int[previous.seriesCount()];
    int count = 0;
    int j = 0;
    for (int i = 0; i < previous.seriesCount(); i++) {
      long hash = previous.hash(i);
      while (j < n && hashes[j] < hash) {
        j++;
      }
      boolean gone = j >= n || hashes[j] != hash;
      if ((gone || isUntracked(payloads[j])) && !previous.untracked(i)) {
        removed[count++] = i;
      }
    }
    return Arrays.copyOf(removed, count);
  }

  private boolean isStale(int payload) {
    return payload >= 0 && BatchRecords.isStaleMarker(batch.valueBits(payload));
  }

  private boolean isUntracked(int payload) {
    return payload >= 0
        ? untrackedInBatch != null && untrackedInBatch[payload]
        : earlierChunks.untracked(-1 - payload);
  }

  private LabelSource source(int payload) {
    return payload >= 0 ? batch : earlierChunks;
  }

  private static int series(int payload) {
    return payload >= 0 ? payload : -1 - payload;
  }
}
