package io.scrapestream.enrich.staleness;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import io.scrapestream.enrich.batch.LabelSource;
import io.scrapestream.enrich.batch.SymbolHash;
import io.scrapestream.schemas.v1.Target;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The series of a target's last scrape, as kept in the staleness store (written by {@link
 * SeriesSetWriter}): the target, the series hashes sorted ascending (8 bytes each, read in place),
 * then the labels — a string table of the strings used and each series' references into it — which
 * are only parsed when stale markers must be written.
 *
 * <p>Layout: {@code version(1) | varint len, Target | varint n | n × fixed64 hash | varint symbols,
 * (varint len, utf8)* | (varint refCount, varint ref*)*}, and in version 2 {@code | varint k | k ×
 * varint position} of the untracked series (ascending; they get no stale marker). Memory: 8 bytes
 * of hash plus about 2 bytes per label reference per series, plus each distinct string once — about
 * 35 bytes per series of 8 labels.
 */
public final class SeriesSet implements LabelSource {
  static final byte VERSION = 1;
  static final byte VERSION_WITH_UNTRACKED = 2;
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private final byte[] bytes;
  private final boolean mayHaveUntracked;
  private final Target target;
  private final int count;
  private final int hashesOffset;
  private int[] symbolOffsets;
  private int[] symbolLengths;
  private int[] refStarts;
  private int[] refs;
  private boolean[] untracked;

  private SeriesSet(
      byte[] bytes, boolean mayHaveUntracked, Target target, int count, int hashesOffset) {
    this.bytes = bytes;
    this.mayHaveUntracked = mayHaveUntracked;
    this.target = target;
    this.count = count;
    this.hashesOffset = hashesOffset;
  }

  /** Reads a set written by {@link SeriesSetWriter}, starting at {@code offset}. */
  public static SeriesSet decode(byte[] bytes, int offset) {
    if (bytes.length <= offset
        || (bytes[offset] != VERSION && bytes[offset] != VERSION_WITH_UNTRACKED)) {
      throw new StateFormatException(
          "series set must start with version "
              + VERSION
              + " or "
              + VERSION_WITH_UNTRACKED
              + ". Found: "
              + (bytes.length <= offset ? "no bytes" : String.valueOf(bytes[offset])));
    }
    try {
      CodedInputStream in =
          CodedInputStream.newInstance(bytes, offset + 1, bytes.length - offset - 1);
      Target target = Target.parseFrom(in.readBytes());
      int count = in.readRawVarint32();
      int hashesOffset = offset + 1 + in.getTotalBytesRead();
      if (count < 0 || hashesOffset + 8L * count > bytes.length) {
        throw new StateFormatException(
            "series set must hold its " + count + " hashes. Found: " + bytes.length + " bytes");
      }
      return new SeriesSet(
          bytes, bytes[offset] == VERSION_WITH_UNTRACKED, target, count, hashesOffset);
    } catch (InvalidProtocolBufferException e) {
      throw new StateFormatException("series set must be readable. Found: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new StateFormatException("series set must be readable. Found: " + e, e);
    }
  }

  /** A set of no series, of no target. */
  public static SeriesSet empty() {
    return decode(
        SeriesSetWriter.write(
            io.scrapestream.schemas.v1.Target.getDefaultInstance(),
            new SeriesSetWriter.SeriesList(0, new long[0], new LabelSource[0], new int[0])),
        0);
  }

  /** The target these series were scraped from. */
  public Target target() {
    return target;
  }

  /** The hash of series {@code i}; hashes ascend with {@code i}. */
  public long hash(int i) {
    return (long) LONGS.get(bytes, hashesOffset + 8 * i);
  }

  @Override
  public int seriesCount() {
    return count;
  }

  /**
   * Whether series {@code i} is untracked: it had its own timestamp, so it gets no stale marker.
   */
  public boolean untracked(int i) {
    if (!mayHaveUntracked) {
      return false;
    }
    labels();
    return untracked != null && untracked[i];
  }

  /** The number of series that get a stale marker when they disappear. */
  public int trackedCount() {
    int tracked = count;
    for (int i = 0; mayHaveUntracked && i < count; i++) {
      tracked -= untracked(i) ? 1 : 0;
    }
    return tracked;
  }

  @Override
  public int symbolCount() {
    labels();
    return symbolOffsets.length;
  }

  @Override
  public byte[] symbolArray(int symbol) {
    return bytes;
  }

  @Override
  public int symbolOffset(int symbol) {
    labels();
    return symbolOffsets[symbol];
  }

  @Override
  public int symbolLength(int symbol) {
    labels();
    return symbolLengths[symbol];
  }

  @Override
  public long symbolHash(int symbol) {
    return SymbolHash.of(bytes, symbolOffset(symbol), symbolLength(symbol));
  }

  @Override
  public int labelRefCount(int series) {
    labels();
    return refStarts[series + 1] - refStarts[series];
  }

  @Override
  public int labelRef(int series, int i) {
    labels();
    return refs[refStarts[series] + i];
  }

  private void labels() {
    if (refs != null) {
      return;
    }
    int start = hashesOffset + 8 * count;
    try {
      CodedInputStream in = CodedInputStream.newInstance(bytes, start, bytes.length - start);
      int symbols = in.readRawVarint32();
      int[] offsets = new int[symbols];
      int[] lengths = new int[symbols];
      for (int s = 0; s < symbols; s++) {
        lengths[s] = in.readRawVarint32();
        offsets[s] = start + in.getTotalBytesRead();
        in.skipRawBytes(lengths[s]);
      }
      readRefs(in, symbols);
      untracked = mayHaveUntracked ? readUntracked(in) : null;
      symbolOffsets = offsets;
      symbolLengths = lengths;
    } catch (IOException e) {
      throw new StateFormatException("series set labels must be readable. Found: " + e, e);
    }
  }

  private boolean[] readUntracked(CodedInputStream in) throws IOException {
    boolean[] flags = new boolean[count];
    int k = in.readRawVarint32();
    for (int i = 0; i < k; i++) {
      int position = in.readRawVarint32();
      if (position < 0 || position >= count) {
        throw new StateFormatException(
            "series set untracked position must be below " + count + ". Found: " + position);
      }
      flags[position] = true;
    }
    return flags;
  }

  private void readRefs(CodedInputStream in, int symbols) throws IOException {
    int[] starts = new int[count + 1];
    int[] all = new int[Math.max(16, count * 8)];
    int total = 0;
    for (int s = 0; s < count; s++) {
      starts[s] = total;
      int n = in.readRawVarint32();
      if (total + n > all.length) {
        all = java.util.Arrays.copyOf(all, Math.max(all.length * 2, total + n));
      }
      for (int i = 0; i < n; i++) {
        int ref = in.readRawVarint32();
        if (ref < 0 || ref >= symbols) {
          throw new StateFormatException(
              "series set reference must be below " + symbols + ". Found: " + ref);
        }
        all[total++] = ref;
      }
    }
    starts[count] = total;
    refStarts = starts;
    refs = all;
  }
}
