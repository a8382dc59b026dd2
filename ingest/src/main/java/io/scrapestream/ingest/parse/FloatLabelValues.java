package io.scrapestream.ingest.parse;

import java.nio.charset.StandardCharsets;

/**
 * The {@code le} and {@code quantile} label values of protobuf histograms and summaries, formatted
 * once per distinct value ({@link ProtoNumbers#formatOpenMetrics}) and then found by the value's
 * bits: bucket bounds repeat across series and scrapes, so the hot path neither formats nor
 * allocates. Holds at most {@link #MAX_KEPT} values before starting over.
 */
final class FloatLabelValues {

  static final int MAX_KEPT = 1 << 12;

  private final SymbolTable symbols;
  private long[] keys = new long[256];
  private Symbol[] values = new Symbol[256];
  private int size;

  FloatLabelValues(SymbolTable symbols) {
    this.symbols = symbols;
  }

  /** Forgets every value (after the symbol table started over). */
  void clear() {
    keys = new long[256];
    values = new Symbol[256];
    size = 0;
  }

  Symbol of(double value) {
    long bits = Double.doubleToRawLongBits(value);
    int mask = keys.length - 1;
    for (int i = mix(bits) & mask; ; i = (i + 1) & mask) {
      if (values[i] == null) {
        return insert(bits, value, i);
      }
      if (keys[i] == bits) {
        return values[i];
      }
    }
  }

  private Symbol insert(long bits, double value, int slot) {
    byte[] text = ProtoNumbers.formatOpenMetrics(value).getBytes(StandardCharsets.US_ASCII);
    Symbol symbol = symbols.intern(text, 0, text.length);
    if (size >= MAX_KEPT) {
      clear();
      return insertFresh(bits, symbol);
    }
    keys[slot] = bits;
    values[slot] = symbol;
    if (++size * 2 > keys.length) {
      rehash();
    }
    return symbol;
  }

  private Symbol insertFresh(long bits, Symbol symbol) {
    int i = mix(bits) & (keys.length - 1);
    keys[i] = bits;
    values[i] = symbol;
    size = 1;
    return symbol;
  }

  private void rehash() {
    long[] oldKeys = keys;
    Symbol[] oldValues = values;
    keys = new long[oldKeys.length * 2];
    values = new Symbol[oldKeys.length * 2];
    int mask = keys.length - 1;
    for (int j = 0; j < oldKeys.length; j++) {
      if (oldValues[j] != null) {
        int i = mix(oldKeys[j]) & mask;
        while (values[i] != null) {
          i = (i + 1) & mask;
        }
        keys[i] = oldKeys[j];
        values[i] = oldValues[j];
      }
    }
  }

  private static int mix(long z) {
    z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
    return (int) (z ^ (z >>> 29));
  }
}
