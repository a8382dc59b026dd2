package io.scrapestream.ingest.scrape;

import io.scrapestream.core.config.ByteSize;
import io.scrapestream.core.config.PrometheusDuration;
import io.scrapestream.ingest.scrape.http.DeadlineExceededException;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.zip.GZIPInputStream;

/**
 * Reads a response body within the scrape's deadline and its {@code body_size_limit}. The limit
 * counts bytes after decompression, checked while reading, so a gzip bomb stops at the limit (as
 * Prometheus: a body of {@code limit} bytes or more fails). The deadline is kept by the stream
 * ({@link io.scrapestream.ingest.scrape.http.Http11Client} bounds every socket read by it), which
 * throws {@link DeadlineExceededException} when it passes. Memory: a body of known length without
 * compression is read into one array of its size; otherwise into chunks joined at the end (at most
 * twice the body while joining).
 */
final class BodyReader {
  private static final int FIRST_CHUNK = 64 * 1024;
  private static final int LARGEST_CHUNK = 8 * 1024 * 1024;
  private static final long MAX_BODY = Integer.MAX_VALUE - 16;

  private BodyReader() {}

  /** What a read is bound by. */
  record Bounds(Duration timeout, long limitBytes) {}

  /**
   * Reads {@code raw} to its end, gunzipping it when {@code gzip}, and closes it.
   *
   * @param length the {@code Content-Length}, if sent
   */
  static byte[] read(InputStream raw, boolean gzip, OptionalLong length, Bounds bounds)
      throws ScrapeException {
    Chunks chunks = new Chunks(gzip ? OptionalLong.empty() : length, bounds.limitBytes());
    try (InputStream in = gzip ? new GZIPInputStream(raw, FIRST_CHUNK) : raw) {
      chunks.readAll(in);
      if (gzip) {
        endOfStream(raw);
      }
      return chunks.join();
    } catch (DeadlineExceededException e) {
      throw new ScrapeException(
          "context deadline exceeded while reading the body (scrape_timeout "
              + PrometheusDuration.format(bounds.timeout())
              + ", "
              + chunks.total
              + " bytes read)");
    } catch (IOException e) {
      String what =
          gzip && chunks.total == 0 ? "cannot decompress gzip body: " : "cannot read the body: ";
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

  /** The body so far, in chunks that grow up to {@link #LARGEST_CHUNK}. */
  private static final class Chunks {
    private final List<byte[]> full = new ArrayList<>();
    private final long limit;
    private byte[] current;
    private int used;
    private long total;

    Chunks(OptionalLong length, long limit) {
      this.limit = limit;
      long known = length.orElse(-1);
      boolean fitsOneArray = known >= 0 && known < MAX_BODY && (limit == 0 || known < limit);
      this.current = new byte[fitsOneArray ? (int) Math.max(known, 1) : FIRST_CHUNK];
    }

    void readAll(InputStream in) throws IOException, ScrapeException {
      while (true) {
        if (used == current.length && !nextChunk(in)) {
          return;
        }
        int room = current.length - used;
        if (limit > 0) {
          room = (int) Math.min(room, limit - total);
        }
        int n = in.read(current, used, room);
        if (n < 0) {
          return;
        }
        added(n);
      }
    }

    /**
     * Starts a new chunk with the next byte, or returns false at the end of the body: a body that
     * exactly fills its array (one of known length) never gets a chunk it does not need.
     */
    private boolean nextChunk(InputStream in) throws IOException, ScrapeException {
      int next = in.read();
      if (next < 0) {
        return false;
      }
      full.add(current);
      current = new byte[(int) Math.min(LARGEST_CHUNK, Math.max(FIRST_CHUNK, total))];
      current[0] = (byte) next;
      used = 0;
      added(1);
      return true;
    }

    private void added(int n) throws ScrapeException {
      used += n;
      total += n;
      if (limit > 0 && total >= limit) {
        throw new ScrapeException(
            "body size limit exceeded (body_size_limit " + ByteSize.format(limit) + ")",
            ScrapeLimitKind.BODY_SIZE);
      }
      if (total > MAX_BODY) {
        throw new ScrapeException("body size exceeds the 2GiB a scrape can hold");
      }
    }

    byte[] join() {
      if (full.isEmpty() && used == current.length) {
        return current;
      }
      byte[] body = new byte[(int) total];
      int at = 0;
      for (byte[] chunk : full) {
        System.arraycopy(chunk, 0, body, at, chunk.length);
        at += chunk.length;
      }
      System.arraycopy(current, 0, body, at, used);
      return body;
    }
  }
}
