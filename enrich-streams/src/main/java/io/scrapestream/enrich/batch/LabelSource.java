package io.scrapestream.enrich.batch;

/**
 * Series as label-reference lists into a string table of UTF-8 symbols: a scrape batch, or the
 * series set that staleness keeps per target. Lets the same code hash, compare and copy labels from
 * either without decoding strings.
 */
public interface LabelSource {
  int symbolCount();

  /** The array holding symbol {@code symbol}'s UTF-8 bytes. */
  byte[] symbolArray(int symbol);

  int symbolOffset(int symbol);

  int symbolLength(int symbol);

  /** The hash of symbol {@code symbol} ({@link SymbolHash#of(byte[], int, int)}). */
  long symbolHash(int symbol);

  int seriesCount();

  /** The number of references of a series: twice its number of labels. */
  int labelRefCount(int series);

  /** Reference {@code i} of a series: even ones name a label, odd ones give its value. */
  int labelRef(int series, int i);

  /** Symbol {@code symbol} as a string. */
  default String symbol(int symbol) {
    return new String(
        symbolArray(symbol),
        symbolOffset(symbol),
        symbolLength(symbol),
        java.nio.charset.StandardCharsets.UTF_8);
  }

  /** Whether symbol {@code symbol} is exactly {@code utf8}. */
  default boolean symbolEquals(int symbol, byte[] utf8) {
    int offset = symbolOffset(symbol);
    return java.util.Arrays.equals(
        symbolArray(symbol), offset, offset + symbolLength(symbol), utf8, 0, utf8.length);
  }
}
