package io.scrapestream.ingest.scrape;

import io.scrapestream.schemas.v1.NativeHistogram;
import java.util.Arrays;

/**
 * Encodes the {@code series} entries (field 4) of a {@code ScrapeBatch} straight into a reused
 * buffer, byte for byte as the generated {@code Series} message would: packed label refs, value
 * bits when not zero, the timestamp when kept, the native histogram, the exemplars. A series stays
 * pending until the next one starts (or {@link #flush()}), so that its exemplars can join it.
 */
final class SeriesWriter {
  private static final int SERIES_FIELD = 4;
  private static final int EXEMPLARS_FIELD = 5;
  private static final int HISTOGRAM_FIELD = 4;

  private final ProtoWriter out = new ProtoWriter(64 * 1024);
  private final ProtoWriter exemplars = new ProtoWriter(1024);
  private int[] refs = new int[32];
  private int refCount;
  private int[] exemplarRefs = new int[16];
  private int exemplarRefCount;
  private boolean pending;
  private long valueBits;
  private boolean hasTimestamp;
  private long timestampMs;
  private byte[] histogram;
  private int count;

  /** Drops every series (pending or written): the buffer is empty again. */
  void reset() {
    out.reset();
    pending = false;
    count = 0;
  }

  /** Starts a series; add its label refs next. */
  void start(long valueBits, boolean hasTimestamp, long timestampMs) {
    flush();
    this.pending = true;
    this.valueBits = valueBits;
    this.hasTimestamp = hasTimestamp;
    this.timestampMs = timestampMs;
    this.refCount = 0;
    this.histogram = null;
    exemplars.reset();
  }

  void addRef(int ref) {
    if (refCount == refs.length) {
      refs = Arrays.copyOf(refs, refCount * 2);
    }
    refs[refCount++] = ref;
  }

  /** Whether a series is pending (so an exemplar or histogram belongs to it). */
  boolean pending() {
    return pending;
  }

  void histogram(NativeHistogram histogram) {
    this.histogram = histogram.toByteArray();
  }

  void startExemplar() {
    exemplarRefCount = 0;
  }

  void addExemplarRef(int ref) {
    if (exemplarRefCount == exemplarRefs.length) {
      exemplarRefs = Arrays.copyOf(exemplarRefs, exemplarRefCount * 2);
    }
    exemplarRefs[exemplarRefCount++] = ref;
  }

  /** Ends the exemplar whose refs were added since {@link #startExemplar()}. */
  void endExemplar(long valueBits, boolean hasTimestamp, long timestampMs) {
    exemplars.tag(EXEMPLARS_FIELD, ProtoWriter.LENGTH_DELIMITED);
    int packed = packedSize(exemplarRefs, exemplarRefCount);
    exemplars.varint32(pointSize(packed, exemplarRefCount, valueBits, hasTimestamp, timestampMs));
    writePoint(
        exemplars, packed, exemplarRefs, exemplarRefCount, valueBits, hasTimestamp, timestampMs);
  }

  /** Writes the pending series, if any. */
  void flush() {
    if (!pending) {
      return;
    }
    pending = false;
    int packed = packedSize(refs, refCount);
    int size = pointSize(packed, refCount, valueBits, hasTimestamp, timestampMs);
    if (histogram != null) {
      size += 1 + ProtoWriter.varint32Size(histogram.length) + histogram.length;
    }
    size += exemplars.position();
    out.tag(SERIES_FIELD, ProtoWriter.LENGTH_DELIMITED);
    out.varint32(size);
    writePoint(out, packed, refs, refCount, valueBits, hasTimestamp, timestampMs);
    if (histogram != null) {
      out.tag(HISTOGRAM_FIELD, ProtoWriter.LENGTH_DELIMITED);
      out.varint32(histogram.length);
      out.bytes(histogram, 0, histogram.length);
    }
    out.bytes(exemplars.buffer(), 0, exemplars.position());
    count++;
  }

  /** The series written so far (pending one excluded). */
  int count() {
    return count;
  }

  ProtoWriter out() {
    return out;
  }

  /** Fields 1 to 3, common to {@code Series} and {@code Exemplar}. */
  private static int pointSize(
      int packed, int refCount, long valueBits, boolean hasTimestamp, long timestampMs) {
    int size = 0;
    if (refCount > 0) {
      size += 1 + ProtoWriter.varint32Size(packed) + packed;
    }
    if (valueBits != 0) {
      size += 9;
    }
    if (hasTimestamp) {
      size += 1 + ProtoWriter.varint64Size(timestampMs);
    }
    return size;
  }

  private static void writePoint(
      ProtoWriter to,
      int packed,
      int[] refs,
      int refCount,
      long valueBits,
      boolean hasTimestamp,
      long timestampMs) {
    if (refCount > 0) {
      to.tag(1, ProtoWriter.LENGTH_DELIMITED);
      to.varint32(packed);
      to.varints(refs, refCount, packed);
    }
    if (valueBits != 0) {
      to.tag(2, ProtoWriter.FIXED64);
      to.fixed64(valueBits);
    }
    if (hasTimestamp) {
      to.tag(3, ProtoWriter.VARINT);
      to.varint64(timestampMs);
    }
  }

  private static int packedSize(int[] refs, int refCount) {
    int size = 0;
    for (int i = 0; i < refCount; i++) {
      size += ProtoWriter.varint32Size(refs[i]);
    }
    return size;
  }
}
