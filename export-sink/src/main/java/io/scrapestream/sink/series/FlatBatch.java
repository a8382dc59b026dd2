package io.scrapestream.sink.series;

import com.google.protobuf.InvalidProtocolBufferException;
import io.scrapestream.schemas.v1.ScrapeBatch;
import io.scrapestream.schemas.v1.Series;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * One record's {@link ScrapeBatch} as the remote write 1.0 writer reads it — the string table, each
 * series' label references, value bits and timestamp in flat arrays, no object per series — with
 * the message itself parsed only when something asks for it ({@link #message()}: other exporters,
 * windows that drop samples, bisected pieces, error messages). Immutable; safe to read from any
 * thread.
 */
public final class FlatBatch {
  private static final ThreadLocal<FlatBatchReader> READERS =
      ThreadLocal.withInitial(FlatBatchReader::new);

  private final byte[] bytes;
  private volatile ScrapeBatch message;
  private final Columns columns;

  /**
   * The flat arrays of a batch.
   *
   * @param timestampMs the scrape's timestamp
   * @param symbols the string table
   * @param refStarts where each series' label references start in {@code refs}; one more entry than
   *     series, the last is the end of the last series' references
   * @param refs the label references of every series, one after the other
   * @param valueBits each series' value bits
   * @param timestamps each series' sample timestamp: its own, else the scrape's
   * @param floatsOnly whether no series holds a native histogram or an exemplar
   */
  record Columns(
      long timestampMs,
      String[] symbols,
      int[] refStarts,
      int[] refs,
      long[] valueBits,
      long[] timestamps,
      boolean floatsOnly) {}

  private FlatBatch(byte[] bytes, ScrapeBatch message, Columns columns) {
    this.bytes = bytes;
    this.message = message;
    this.columns = columns;
  }

  /**
   * Decodes the bytes of a record: the one decode of the sink. Refuses exactly the bytes {@link
   * ScrapeBatch#parseFrom(byte[])} refuses, with its exception, and reads the same values.
   *
   * @throws InvalidProtocolBufferException as {@link ScrapeBatch#parseFrom(byte[])} does
   * @throws NullPointerException when {@code bytes} is null (a tombstone), as it does too
   */
  public static FlatBatch decode(byte[] bytes) throws InvalidProtocolBufferException {
    try {
      return new FlatBatch(bytes, null, READERS.get().read(bytes));
    } catch (IOException | RuntimeException e) {
      // The reference parser decides, and words the refusal: nothing passes here that it refuses.
      return of(ScrapeBatch.parseFrom(bytes));
    }
  }

  /** The columns of a batch already parsed. */
  public static FlatBatch of(ScrapeBatch message) {
    int count = message.getSeriesCount();
    int[] refStarts = new int[count + 1];
    long[] valueBits = new long[count];
    long[] timestamps = new long[count];
    boolean floatsOnly = true;
    for (int i = 0; i < count; i++) {
      Series series = message.getSeries(i);
      refStarts[i + 1] = refStarts[i] + series.getLabelRefsCount();
      valueBits[i] = series.getValueBits();
      timestamps[i] = SeriesDecoder.timestampMs(message, series);
      floatsOnly &= !series.hasHistogram() && series.getExemplarsCount() == 0;
    }
    String[] symbols = message.getSymbolsList().toArray(new String[0]);
    int[] refs = refs(message, refStarts);
    return new FlatBatch(
        null,
        message,
        new Columns(
            message.getTimestampMs(), symbols, refStarts, refs, valueBits, timestamps, floatsOnly));
  }

  private static int[] refs(ScrapeBatch message, int[] refStarts) {
    int[] refs = new int[refStarts[refStarts.length - 1]];
    for (int i = 0; i < message.getSeriesCount(); i++) {
      List<Integer> labelRefs = message.getSeries(i).getLabelRefsList();
      for (int j = 0; j < labelRefs.size(); j++) {
        refs[refStarts[i] + j] = labelRefs.get(j);
      }
    }
    return refs;
  }

  /** The messages of the batches, parsed where not yet. */
  public static List<ScrapeBatch> messages(List<FlatBatch> batches) {
    List<ScrapeBatch> messages = new ArrayList<>(batches.size());
    for (FlatBatch batch : batches) {
      messages.add(batch.message());
    }
    return messages;
  }

  /** The batch as a message, parsed at the first call. */
  public ScrapeBatch message() {
    ScrapeBatch parsed = message;
    if (parsed == null) {
      try {
        parsed = ScrapeBatch.parseFrom(bytes);
      } catch (InvalidProtocolBufferException e) {
        throw new IllegalStateException("a decoded ScrapeBatch no longer parses", e);
      }
      message = parsed;
    }
    return parsed;
  }

  Columns columns() {
    return columns;
  }

  /** The scrape's timestamp ({@code ScrapeBatch.timestamp_ms}). */
  public long timestampMs() {
    return columns.timestampMs();
  }

  public int seriesCount() {
    return columns.valueBits().length;
  }

  /** Whether every series is a float sample: no native histogram, no exemplar. */
  public boolean floatsOnly() {
    return columns.floatsOnly();
  }

  public int symbolCount() {
    return columns.symbols().length;
  }

  /**
   * The string at {@code ref} in the batch's string table.
   *
   * @throws InvalidBatchException when {@code ref} is out of the table (as {@link
   *     SeriesDecoder#symbol} words it)
   */
  public String symbol(int ref) {
    if (ref < 0 || ref >= columns.symbols().length) {
      return SeriesDecoder.symbol(message(), ref);
    }
    return columns.symbols()[ref];
  }

  /** Where the label references of series {@code index} start in {@link #refs()}. */
  public int refsStart(int index) {
    return columns.refStarts()[index];
  }

  /** Where the label references of series {@code index} end (exclusive) in {@link #refs()}. */
  public int refsEnd(int index) {
    return columns.refStarts()[index + 1];
  }

  /** The label references of every series; not to be changed. */
  public int[] refs() {
    return columns.refs();
  }

  public long valueBits(int index) {
    return columns.valueBits()[index];
  }

  /** The timestamp of series {@code index}: its own when it has one, else the scrape's. */
  public long timestampMs(int index) {
    return columns.timestamps()[index];
  }

  /** Equal when the messages are: for tests and logs, not for hot paths. */
  @Override
  public boolean equals(Object other) {
    return other instanceof FlatBatch that && message().equals(that.message());
  }

  @Override
  public int hashCode() {
    return message().hashCode();
  }

  @Override
  public String toString() {
    return "FlatBatch[" + seriesCount() + " series, timestampMs=" + timestampMs() + "]";
  }
}
