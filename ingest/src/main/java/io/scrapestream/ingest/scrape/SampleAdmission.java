package io.scrapestream.ingest.scrape;

/**
 * Decides for each sample of a scrape what Prometheus's append loop decides: a second sample of a
 * series at the same timestamp is a duplicate (dropped, counted); every other sample counts against
 * {@code sample_limit} (past it, nothing more is kept and the scrape fails at the end); a timestamp
 * more than 10 minutes ahead of the scrape is out of bounds (dropped, counted). Nothing is kept
 * across scrapes: {@code scrape_series_added} is computed downstream, per target, by enrichment.
 */
final class SampleAdmission {
  /** Prometheus's {@code maxAheadTime}. */
  static final long MAX_AHEAD_MS = 10 * 60 * 1000;

  enum Verdict {
    ADD,
    DUPLICATE,
    OUT_OF_BOUNDS,
    OVER_LIMIT
  }

  private final int sampleLimit;
  private final long maxTimestampMs;
  private final SeriesHashSet seen;
  private int counted;
  private int duplicates;
  private int outOfBounds;

  SampleAdmission(int sampleLimit, long scrapeTimestampMs) {
    this(sampleLimit, scrapeTimestampMs, new SeriesHashSet());
  }

  /** Admission that records the samples it saw in {@code seen} (an empty, reused set). */
  SampleAdmission(int sampleLimit, long scrapeTimestampMs, SeriesHashSet seen) {
    this.sampleLimit = sampleLimit;
    this.maxTimestampMs = scrapeTimestampMs + MAX_AHEAD_MS;
    this.seen = seen;
  }

  /**
   * @param series the hash of the series' final label set
   * @param hasTimestamp whether the sample keeps an exposed timestamp
   */
  Verdict admit(long series, boolean hasTimestamp, long timestampMs) {
    long sample = hasTimestamp ? mix(series ^ 0x5bd1e995L, timestampMs) : series;
    if (!seen.add(sample)) {
      duplicates++;
      return Verdict.DUPLICATE;
    }
    counted++;
    if (sampleLimitExceeded()) {
      return Verdict.OVER_LIMIT;
    }
    if (hasTimestamp && timestampMs > maxTimestampMs) {
      outOfBounds++;
      return Verdict.OUT_OF_BOUNDS;
    }
    return Verdict.ADD;
  }

  boolean sampleLimitExceeded() {
    return sampleLimit > 0 && counted > sampleLimit;
  }

  /** Samples counted against {@code sample_limit} (all but duplicates). */
  int counted() {
    return counted;
  }

  int duplicates() {
    return duplicates;
  }

  int outOfBounds() {
    return outOfBounds;
  }

  /**
   * A 64-bit hash of a label set (names and values in order), from the cached hashes of its
   * symbols: no character is read again. Each step is a bijection of the state for a given symbol
   * hash (those are well mixed already), and the result gets MurmurHash3's finaliser.
   */
  static long hash(MergedLabels labels, ScrapeSymbols symbols) {
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < labels.size(); i++) {
      h = step(step(h, symbols.hash(labels.nameEntry(i))), symbols.hash(labels.valueEntry(i)));
    }
    return mix(h, labels.size());
  }

  private static long step(long h, long symbolHash) {
    return Long.rotateLeft((h ^ symbolHash) * 0x9E3779B97F4A7C15L, 31);
  }

  /** MurmurHash3's 64-bit finaliser over {@code a} combined with {@code b}. */
  static long mix(long a, long b) {
    long h = a ^ (b * 0x9E3779B97F4A7C15L);
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    return h ^ (h >>> 33);
  }
}
