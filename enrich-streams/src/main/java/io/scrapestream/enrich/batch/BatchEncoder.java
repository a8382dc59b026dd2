package io.scrapestream.enrich.batch;

import com.google.protobuf.CodedOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Writes an {@link IndexedBatch} as a {@code ScrapeBatch}: the original bytes unchanged, followed
 * by the appended symbols, series and resource attributes (repeated fields of a protobuf message
 * may arrive in several runs, so the result reads as one batch). Only when every series must get
 * labels are the series rewritten ({@link SeriesRewriter}).
 */
public final class BatchEncoder {
  private static final int SYMBOLS = 3;
  private static final int SERIES = 4;
  private static final int ATTRIBUTES = 7;

  private BatchEncoder() {}

  public static byte[] encode(IndexedBatch batch) {
    if (!batch.appendix().everySeriesLabels().isEmpty()) {
      return SeriesRewriter.encode(batch);
    }
    byte[] original = batch.bytes();
    byte[] out = new byte[original.length + appendixSize(batch, null)];
    System.arraycopy(original, 0, out, 0, original.length);
    CodedOutputStream stream =
        CodedOutputStream.newInstance(out, original.length, out.length - original.length);
    writeAppendix(batch, null, stream);
    stream.checkNoSpaceLeft();
    return out;
  }

  /**
   * The size of what is appended; with a {@code merger}, appended series carry the merged labels.
   */
  static int appendixSize(IndexedBatch batch, LabelMerger merger) {
    BatchAppendix appendix = batch.appendix();
    int size = 0;
    for (int s = 0; s < appendix.symbolCount(); s++) {
      size += CodedOutputStream.computeByteArraySize(SYMBOLS, appendix.symbolBytes(s));
    }
    int first = batch.originalSeriesCount();
    for (int s = 0; s < appendix.seriesCount(); s++) {
      int[] refs = merger == null ? appendix.seriesRefs(s) : merger.merged(first + s);
      int body = floatSeriesSize(refs);
      size += CodedOutputStream.computeTagSize(SERIES) + lengthPrefixed(body);
    }
    for (String[] attribute : appendix.attributes()) {
      size +=
          CodedOutputStream.computeTagSize(ATTRIBUTES) + lengthPrefixed(attributeSize(attribute));
    }
    return size;
  }

  static void writeAppendix(IndexedBatch batch, LabelMerger merger, CodedOutputStream out) {
    BatchAppendix appendix = batch.appendix();
    try {
      for (int s = 0; s < appendix.symbolCount(); s++) {
        out.writeByteArray(SYMBOLS, appendix.symbolBytes(s));
      }
      int first = batch.originalSeriesCount();
      for (int s = 0; s < appendix.seriesCount(); s++) {
        int[] refs = merger == null ? appendix.seriesRefs(s) : merger.merged(first + s);
        out.writeTag(SERIES, 2);
        out.writeUInt32NoTag(floatSeriesSize(refs));
        writeRefs(refs, out);
        out.writeFixed64(2, appendix.seriesBits(s));
      }
      for (String[] attribute : appendix.attributes()) {
        out.writeTag(ATTRIBUTES, 2);
        out.writeUInt32NoTag(attributeSize(attribute));
        out.writeString(1, attribute[0]);
        out.writeString(2, attribute[1]);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("appendix outgrew its computed size", e);
    }
  }

  /** Writes label references as one packed field 1 (nothing when there are none). */
  static void writeRefs(int[] refs, CodedOutputStream out) throws IOException {
    if (refs.length == 0) {
      return;
    }
    out.writeTag(1, 2);
    out.writeUInt32NoTag(packedSize(refs));
    for (int ref : refs) {
      out.writeUInt32NoTag(ref);
    }
  }

  /** The size of the packed references field, tag included; 0 when there are none. */
  static int refsFieldSize(int[] refs) {
    return refs.length == 0 ? 0 : 1 + lengthPrefixed(packedSize(refs));
  }

  private static int floatSeriesSize(int[] refs) {
    return refsFieldSize(refs) + CodedOutputStream.computeFixed64Size(2, 0);
  }

  private static int packedSize(int[] refs) {
    int size = 0;
    for (int ref : refs) {
      size += CodedOutputStream.computeUInt32SizeNoTag(ref);
    }
    return size;
  }

  private static int attributeSize(String[] attribute) {
    return CodedOutputStream.computeStringSize(1, attribute[0])
        + CodedOutputStream.computeStringSize(2, attribute[1]);
  }

  static int lengthPrefixed(int size) {
    return CodedOutputStream.computeUInt32SizeNoTag(size) + size;
  }
}
