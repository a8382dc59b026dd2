package io.scrapestream.ingest.scrape;

import io.scrapestream.core.config.ByteSize;
import io.scrapestream.core.config.PrometheusDuration;
import io.scrapestream.ingest.scrape.http.DeadlineExceededException;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.zip.GZIPInputStream;

/**
 * Reads a response body within the scrape's deadline and its {@code body_size_limit}, into a {@link
 * BodyBuffer} the caller reuses from scrape to scrape. The limit counts bytes after decompression,
 * checked while reading, so a gzip bomb stops at the limit (as Prometheus: a body of {@code limit}
 * bytes or more fails). The deadline is kept by the stream ({@link
 * io.scrapestream.ingest.scrape.http.Http11Client} bounds every socket read by it), which throws
 * {@link DeadlineExceededException} when it passes. Memory: a body of known length without
 * compression is read into a buffer of at least its size; otherwise the buffer doubles as the body
 * grows (at most about three times the body while growing).
 */
final class BodyReader {
  private static final int GZIP_INPUT = 64 * 1024;

  private BodyReader() {}

  /** What a read is bound by. */
  record Bounds(Duration timeout, long limitBytes) {}

  /**
   * Reads {@code raw} to its end into {@code into} (cleared first), gunzipping it when {@code
   * gzip}, and closes it.
   *
   * @param length the {@code Content-Length}, if sent
   */
  static void read(
      InputStream raw, boolean gzip, OptionalLong length, Bounds bounds, BodyBuffer into)
      throws ScrapeException {
    into.clear();
    long limit = bounds.limitBytes();
    long known = gzip ? -1 : length.orElse(-1);
    if (known > 0 && known < BodyBuffer.MAX_LENGTH && (limit == 0 || known < limit)) {
      into.reserve(known);
    }
    try (InputStream in = gzip ? new GZIPInputStream(raw, GZIP_INPUT) : raw) {
      readAll(in, into, limit);
      if (gzip) {
        endOfStream(raw);
      }
    } catch (DeadlineExceededException e) {
      throw new ScrapeException(
          "context deadline exceeded while reading the body (scrape_timeout "
              + PrometheusDuration.format(bounds.timeout())
              + ", "
              + into.length()
              + " bytes read)");
    } catch (IOException e) {
      String what =
          gzip && into.length() == 0 ? "cannot decompress gzip body: " : "cannot read the body: ";
      throw new ScrapeException(what + ScrapeErrors.describe(e));
    }
  }

  /**
   * Reads what follows the gzip member (a chunked body's last chunk), so that a body read to its
   * end lets its connection be reused; bytes after the member are ignored, as before.
   */
  private static void endOfStream(InputStream raw) throws IOException {
    raw.read();
  }

  private static void readAll(InputStream in, BodyBuffer into, long limit)
      throws IOException, ScrapeException {
    while (true) {
      if (into.room() == 0 && !nextByte(in, into, limit)) {
        return;
      }
      int room = into.room();
      if (limit > 0) {
        room = (int) Math.min(room, limit - into.length());
      }
      int n = in.read(into.bytes(), into.length(), room);
      if (n < 0) {
        return;
      }
      added(into, n, limit);
    }
  }

  /**
   * Grows the buffer by the next byte, or returns false at the end of the body: a body that exactly
   * fills the buffer (one of known length) does not grow it.
   */
  private static boolean nextByte(InputStream in, BodyBuffer into, long limit)
      throws IOException, ScrapeException {
    int next = in.read();
    if (next < 0) {
      return false;
    }
    if (into.length() >= BodyBuffer.MAX_LENGTH) {
      throw new ScrapeException("body size exceeds the 2GiB a scrape can hold");
    }
    into.reserve(1);
    into.bytes()[into.length()] = (byte) next;
    added(into, 1, limit);
    return true;
  }

  private static void added(BodyBuffer into, int n, long limit) throws ScrapeException {
    into.added(n);
    if (limit > 0 && into.length() >= limit) {
      throw new ScrapeException(
          "body size limit exceeded (body_size_limit " + ByteSize.format(limit) + ")",
          ScrapeLimitKind.BODY_SIZE);
    }
  }
}
