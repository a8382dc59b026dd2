package io.scrapestream.ingest.scrape.http;

import java.io.IOException;

/** The exchange's deadline passed while connecting, writing or waiting for bytes. */
public final class DeadlineExceededException extends IOException {
  private static final long serialVersionUID = 1L;

  DeadlineExceededException(String during) {
    super("deadline exceeded while " + during);
  }
}
