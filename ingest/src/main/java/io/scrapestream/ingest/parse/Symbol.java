package io.scrapestream.ingest.parse;

/**
 * One interned name or value: its bytes, its string, and per-parse marks. A mark holds the
 * generation of the parse that set it, so a new parse starts with every mark clear without touching
 * any symbol.
 */
final class Symbol {

  final byte[] bytes;
  final int hash;
  final String text;

  /** Unique within its table; feeds the hashes of label sets. */
  final long id;

  /** The number of Unicode code points of {@link #text}. */
  final int codePoints;

  /** OpenMetrics: the parse in which a metric family claimed this sample name. */
  int claimedIn;

  /** The family that claimed this sample name (meaningful in the parse {@link #claimedIn}). */
  Symbol claimedBy;

  /** Text format: the parse in which a HELP, a TYPE, a sample of this family was seen. */
  int helpIn;

  int typeIn;
  int samplesIn;

  /** Cached parse of {@link #text} as a number: 0 not tried, 1 valid, 2 invalid. */
  byte numberState;

  double number;

  Symbol(byte[] bytes, int hash, String text, long id) {
    this.bytes = bytes;
    this.hash = hash;
    this.text = text;
    this.id = id;
    this.codePoints = text.codePointCount(0, text.length());
  }
}
