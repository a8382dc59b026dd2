package io.scrapestream.enrich.batch;

/**
 * A record that is valid protobuf but breaks the {@code ScrapeBatch} contract (a label reference
 * outside the string table, an odd reference list, invalid UTF-8 in a symbol).
 */
public final class BatchFormatException extends Exception {
  public BatchFormatException(String message) {
    super(message);
  }
}
