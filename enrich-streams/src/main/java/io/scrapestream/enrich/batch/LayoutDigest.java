package io.scrapestream.enrich.batch;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * A 64-bit digest of what identifies a batch's original series, not their values: the bytes of its
 * string table and every series' label references. Equal digests mean, but for odds near 2⁻⁶⁴, the
 * same symbols and the same series in the same order. It costs one pass over the symbol bytes and
 * the reference arrays, against a hash per symbol and a mix per label for {@link SeriesHash}.
 *
 * <p>The symbols are hashed as the one byte range from the first symbol's first byte to the last
 * symbol's last byte, with the first symbol's length and the symbol count: parsing from the first
 * symbol is then fully determined by those bytes, so equal ranges hold equal symbols at equal
 * places, whatever other fields lie between them (a scraper writes the table in one run).
 */
final class LayoutDigest {
  private static final long P1 = 0x9E3779B185EBCA87L;
  private static final long P2 = 0xC2B2AE3D27D4EB4FL;
  private static final long P4 = 0x85EBCA77C2B2AE63L;

  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private LayoutDigest() {}

  static long of(byte[] bytes, BatchIndex index) {
    int symbols = index.symbolCount;
    long h = round(P4, ((long) symbols << 32) | (index.seriesCount & 0xFFFFFFFFL));
    if (symbols > 0) {
      int start = index.symbolOffsets[0];
      int end = index.symbolOffsets[symbols - 1] + index.symbolLengths[symbols - 1];
      h = round(h, index.symbolLengths[0]);
      h = round(h, bytes(bytes, start, end));
    }
    h = round(h, ints(index.refs, index.refCount));
    h = round(h, ints(index.refStarts, index.seriesCount + 1));
    return SymbolHash.mix(h);
  }

  /** Bytes {@code start} to {@code end}: four lanes of xxHash64 rounds, as xxHash64's main loop. */
  static long bytes(byte[] bytes, int start, int end) {
    long a = P1;
    long b = P2;
    long c = P4;
    long d = P1 ^ P2;
    int i = start;
    for (; i + 32 <= end; i += 32) {
      a = round(a, (long) LONGS.get(bytes, i));
      b = round(b, (long) LONGS.get(bytes, i + 8));
      c = round(c, (long) LONGS.get(bytes, i + 16));
      d = round(d, (long) LONGS.get(bytes, i + 24));
    }
    long h = a + Long.rotateLeft(b, 7) + Long.rotateLeft(c, 12) + Long.rotateLeft(d, 18);
    return round(h + end - start, SymbolHash.of(bytes, i, end - i));
  }

  /** The first {@code count} values: four lanes of xxHash64 rounds over pairs of ints. */
  static long ints(int[] values, int count) {
    long a = P1;
    long b = P2;
    long c = P4;
    long d = P1 ^ P2;
    int i = 0;
    for (; i + 8 <= count; i += 8) {
      a = round(a, pair(values[i], values[i + 1]));
      b = round(b, pair(values[i + 2], values[i + 3]));
      c = round(c, pair(values[i + 4], values[i + 5]));
      d = round(d, pair(values[i + 6], values[i + 7]));
    }
    for (; i < count; i++) {
      a = round(a, values[i] & 0xFFFFFFFFL);
    }
    long h = a + Long.rotateLeft(b, 7) + Long.rotateLeft(c, 12) + Long.rotateLeft(d, 18);
    return SymbolHash.mix(h + count);
  }

  private static long pair(int low, int high) {
    return ((long) high << 32) | (low & 0xFFFFFFFFL);
  }

  /** xxHash64's accumulator round. */
  private static long round(long h, long k) {
    return Long.rotateLeft(h ^ Long.rotateLeft(k * P2, 31) * P1, 27) * P1 + P4;
  }
}
