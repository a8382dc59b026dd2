package io.scrapestream.enrich.batch;

import io.scrapestream.schemas.v1.Chunk;
import io.scrapestream.schemas.v1.ScrapeReport;
import io.scrapestream.schemas.v1.Target;
import java.util.Optional;

/**
 * One {@code ScrapeBatch} as it travels through the enrichment topology: its original bytes, an
 * index into them ({@link BatchScanner}), and what stages appended. Series and symbols number the
 * original ones first, then the appended ones, so a {@link LabelSource} sees them all. Not
 * thread-safe: it belongs to the record being processed; one from {@link BatchScanner#scanNext}
 * shares its index arrays with the scanner and is valid only until that scanner's next scan.
 */
public final class IndexedBatch implements LabelSource {
  private final byte[] bytes;
  private final BatchIndex index;
  private BatchAppendix appendix;
  private long[] symbolHashes;

  IndexedBatch(byte[] bytes, BatchIndex index) {
    this.bytes = bytes;
    this.index = index;
    this.appendix = new BatchAppendix(index.symbolCount);
  }

  /** The record value this batch was read from, unchanged (for the dead-letter topic). */
  public byte[] originalBytes() {
    return bytes;
  }

  public Target target() {
    return index.target;
  }

  public long timestampMs() {
    return index.timestampMs;
  }

  /**
   * The scrape report, absent in batches that are not a scrape (stale markers of a gone target).
   */
  public Optional<ScrapeReport> report() {
    return Optional.ofNullable(index.report);
  }

  /** The chunk of a split scrape; {@code count} is 0 or 1 for a whole scrape. */
  public Chunk chunk() {
    return index.chunk;
  }

  /** The number of series the batch arrived with. */
  public int originalSeriesCount() {
    return index.seriesCount;
  }

  /** The number of symbols the batch arrived with. */
  public int originalSymbolCount() {
    return index.symbolCount;
  }

  @Override
  public int symbolCount() {
    return index.symbolCount + appendix.symbolCount();
  }

  @Override
  public byte[] symbolArray(int symbol) {
    return symbol < index.symbolCount ? bytes : appendix.symbolBytes(symbol - index.symbolCount);
  }

  @Override
  public int symbolOffset(int symbol) {
    return symbol < index.symbolCount ? index.symbolOffsets[symbol] : 0;
  }

  @Override
  public int symbolLength(int symbol) {
    return symbol < index.symbolCount
        ? index.symbolLengths[symbol]
        : appendix.symbolBytes(symbol - index.symbolCount).length;
  }

  @Override
  public long symbolHash(int symbol) {
    return symbol < index.symbolCount
        ? symbolHashes()[symbol]
        : appendix.symbolHash(symbol - index.symbolCount);
  }

  /**
   * A digest of the original symbols and series' label references, not of values ({@link
   * LayoutDigest}): two batches with equal digests carry the same series in the same order.
   */
  public long layoutDigest() {
    return LayoutDigest.of(bytes, index);
  }

  /** {@link SeriesHash} of an original series, straight from the index arrays (the hot loop). */
  long originalSeriesHash(int series) {
    long[] hashes = symbolHashes();
    int[] lengths = index.symbolLengths;
    int[] refs = index.refs;
    long sum = 0;
    int labels = 0;
    for (int i = index.refStarts[series], end = index.refStarts[series + 1]; i < end; i += 2) {
      int value = refs[i + 1];
      if (lengths[value] != 0) {
        sum += SeriesHash.pair(hashes[refs[i]], hashes[value]);
        labels++;
      }
    }
    return SeriesHash.finish(sum, labels);
  }

  private long[] symbolHashes() {
    if (symbolHashes == null) {
      long[] computed = new long[index.symbolCount];
      for (int s = 0; s < index.symbolCount; s++) {
        computed[s] = SymbolHash.of(bytes, index.symbolOffsets[s], index.symbolLengths[s]);
      }
      symbolHashes = computed;
    }
    return symbolHashes;
  }

  @Override
  public int seriesCount() {
    return index.seriesCount + appendix.seriesCount();
  }

  @Override
  public int labelRefCount(int series) {
    return series < index.seriesCount
        ? index.refStarts[series + 1] - index.refStarts[series]
        : appendix.seriesRefs(series - index.seriesCount).length;
  }

  @Override
  public int labelRef(int series, int i) {
    return series < index.seriesCount
        ? index.refs[index.refStarts[series] + i]
        : appendix.seriesRefs(series - index.seriesCount)[i];
  }

  /** The number of original series with their own timestamp ({@code timestamp_ms} present). */
  public int timestampedSeriesCount() {
    return index.timestampedCount;
  }

  /** The {@code i}-th original series with its own timestamp; they ascend with {@code i}. */
  public int timestampedSeries(int i) {
    return index.timestamped[i];
  }

  /** The raw IEEE-754 bits of a series' value. */
  public long valueBits(int series) {
    return series < index.seriesCount
        ? index.valueBits[series]
        : appendix.seriesBits(series - index.seriesCount);
  }

  /** The index of {@code text} among the appended symbols, appending it when new. */
  public int appendSymbol(String text) {
    return appendix.symbol(text);
  }

  /** Appends a float sample series; returns its series index. */
  public int appendSeries(int[] labelRefs, long valueBits) {
    return index.seriesCount + appendix.series(labelRefs.clone(), valueBits);
  }

  /** Changes the value of an appended series. */
  public void setAppendedValueBits(int series, long valueBits) {
    if (series < index.seriesCount) {
      throw new IllegalArgumentException(
          "series must be an appended one (at least " + index.seriesCount + "). Found: " + series);
    }
    appendix.setSeriesBits(series - index.seriesCount, valueBits);
  }

  /** Drops everything appended so far (a stage starting over). */
  public void discardAppended() {
    appendix = new BatchAppendix(index.symbolCount);
  }

  /** Adds a resource attribute (once per batch, never per sample). */
  public void addResourceAttribute(String key, String value) {
    appendix.attribute(key, value);
  }

  /** Adds a label to every series, where a series has no label of that name already. */
  public void addLabelToEverySeries(String name, String value) {
    appendix.labelForEverySeries(appendix.symbol(name), appendix.symbol(value));
  }

  byte[] bytes() {
    return bytes;
  }

  BatchIndex index() {
    return index;
  }

  BatchAppendix appendix() {
    return appendix;
  }
}
