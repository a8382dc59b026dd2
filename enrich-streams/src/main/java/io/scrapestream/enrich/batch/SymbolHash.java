package io.scrapestream.enrich.batch;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * A fast, non-cryptographic 64-bit hash of the UTF-8 bytes of a symbol (the small-input path of
 * xxHash64), so that equal strings hash equally whichever batch's string table holds them. Series
 * identities are built from these (see {@code staleness.SeriesHash}).
 */
public final class SymbolHash {
  private static final long P1 = 0x9E3779B185EBCA87L;
  private static final long P2 = 0xC2B2AE3D27D4EB4FL;
  private static final long P3 = 0x165667B19E3779F9L;
  private static final long P4 = 0x85EBCA77C2B2AE63L;
  private static final long P5 = 0x27D4EB2F165667C5L;
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle INTS =
      MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

  private SymbolHash() {}

  /** The hash of {@code length} bytes of {@code bytes} from {@code offset}. */
  public static long of(byte[] bytes, int offset, int length) {
    long h = P5 + length;
    int i = offset;
    int end = offset + length;
    for (; i + 8 <= end; i += 8) {
      long k = Long.rotateLeft((long) LONGS.get(bytes, i) * P2, 31) * P1;
      h = Long.rotateLeft(h ^ k, 27) * P1 + P4;
    }
    if (i + 4 <= end) {
      h ^= ((int) INTS.get(bytes, i) & 0xFFFFFFFFL) * P1;
      h = Long.rotateLeft(h, 23) * P2 + P3;
      i += 4;
    }
    for (; i < end; i++) {
      h ^= (bytes[i] & 0xFF) * P5;
      h = Long.rotateLeft(h, 11) * P1;
    }
    return mix(h);
  }

  /** The hash of a string's UTF-8 bytes. */
  public static long of(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    return of(bytes, 0, bytes.length);
  }

  /** The final avalanche of xxHash64: every input bit affects every output bit. */
  public static long mix(long h) {
    h ^= h >>> 33;
    h *= P2;
    h ^= h >>> 29;
    h *= P3;
    return h ^ (h >>> 32);
  }
}
