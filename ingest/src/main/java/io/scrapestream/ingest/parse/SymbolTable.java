package io.scrapestream.ingest.parse;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The per-parser intern cache: byte ranges to {@link Symbol}s, open addressing, no allocation on a
 * hit. Between parses it is dropped whole once it holds more than {@link #MAX_KEPT} symbols, so a
 * target with ever-changing label values cannot grow it without bound.
 */
final class SymbolTable {

  static final int MAX_KEPT = 1 << 18;
  static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private Symbol[] slots = new Symbol[1 << 10];
  private int size;
  private long nextId = 1;
  private int generation;

  /** Starts a parse and returns its generation, the value that marks symbols in this parse. */
  int beginParse() {
    if (size > MAX_KEPT || generation == Integer.MAX_VALUE) {
      slots = new Symbol[1 << 10];
      size = 0;
      generation = 0;
    }
    return ++generation;
  }

  int size() {
    return size;
  }

  /**
   * The symbol for the bytes {@code [from, to)}, created on first sight; {@code null} if they are
   * not valid UTF-8.
   */
  Symbol intern(byte[] b, int from, int to) {
    int h = hash(b, from, to);
    int mask = slots.length - 1;
    for (int i = h & mask; ; i = (i + 1) & mask) {
      Symbol s = slots[i];
      if (s == null) {
        return insert(b, from, to, h, i);
      }
      if (s.hash == h && s.matches(b, from, to)) {
        return s;
      }
    }
  }

  private Symbol insert(byte[] b, int from, int to, int h, int slot) {
    String text;
    if (Utf8.isAscii(b, from, to)) {
      text = new String(b, from, to - from, StandardCharsets.ISO_8859_1);
    } else if (Utf8.firstInvalid(b, from, to) < 0) {
      text = new String(b, from, to - from, StandardCharsets.UTF_8);
    } else {
      return null;
    }
    Symbol s = new Symbol(Arrays.copyOfRange(b, from, to), h, text, nextId++);
    slots[slot] = s;
    if (++size * 2 > slots.length) {
      rehash();
    }
    return s;
  }

  private void rehash() {
    Symbol[] old = slots;
    slots = new Symbol[old.length * 2];
    int mask = slots.length - 1;
    for (Symbol s : old) {
      if (s != null) {
        int i = s.hash & mask;
        while (slots[i] != null) {
          i = (i + 1) & mask;
        }
        slots[i] = s;
      }
    }
  }

  static int hash(byte[] b, int from, int to) {
    int n = to - from;
    long h = 0x9E3779B97F4A7C15L ^ n;
    int i = from;
    for (; i + 8 <= to; i += 8) {
      h = (h ^ (long) LONGS.get(b, i)) * 0xff51afd7ed558ccdL;
      h ^= h >>> 29;
    }
    if (i < to) {
      h = (h ^ tail(b, i, to, n)) * 0xff51afd7ed558ccdL;
    }
    h ^= h >>> 32;
    h *= 0xc4ceb9fe1a85ec53L;
    return (int) (h ^ (h >>> 29));
  }

  /** The last {@code to - i} (< 8) bytes as a long: an overlapping read when the range allows. */
  private static long tail(byte[] b, int i, int to, int n) {
    if (n >= 8) {
      return (long) LONGS.get(b, to - 8);
    }
    long t = 0;
    for (; i < to; i++) {
      t = (t << 8) | (b[i] & 0xff);
    }
    return t;
  }
}
