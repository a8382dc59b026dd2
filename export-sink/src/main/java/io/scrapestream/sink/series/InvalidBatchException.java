package io.scrapestream.sink.series;

/** A {@code ScrapeBatch} that breaks its record contract: it cannot be exported, only rejected. */
public final class InvalidBatchException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public InvalidBatchException(String message) {
    super(message);
  }
}
