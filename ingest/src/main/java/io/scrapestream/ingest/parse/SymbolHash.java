package io.scrapestream.ingest.parse;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The hash of a symbol's bytes, eight bytes at a time. {@link #of} hashes a range at once; {@link
 * #step} and {@link #finish} let a scanner hash the bytes while it looks for the end of a token,
 * and give the same value.
 */
final class SymbolHash {

  static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private static final long SEED = 0x9E3779B97F4A7C15L;
  private static final long M1 = 0xff51afd7ed558ccdL;
  private static final long M2 = 0xc4ceb9fe1a85ec53L;

  private SymbolHash() {}

  static int of(byte[] b, int from, int to) {
    long h = SEED;
    int i = from;
    for (; i + 8 <= to; i += 8) {
      h = step(h, (long) LONGS.get(b, i));
    }
    return finish(h, b, i, to, to - from);
  }

  /** Mixes in the eight bytes {@code word} (little-endian, as {@link #LONGS} reads them). */
  static long step(long h, long word) {
    h = (h ^ word) * M1;
    return h ^ (h >>> 29);
  }

  /** Mixes in the last {@code to - i} (< 8) bytes and the length {@code n}. */
  static int finish(long h, byte[] b, int i, int to, int n) {
    if (i < to) {
      long t = 0;
      for (int k = to - 1; k >= i; k--) {
        t = (t << 8) | (b[k] & 0xff);
      }
      h = (h ^ t) * M1;
    }
    h ^= n;
    h ^= h >>> 32;
    h *= M2;
    return (int) (h ^ (h >>> 29));
  }
}
