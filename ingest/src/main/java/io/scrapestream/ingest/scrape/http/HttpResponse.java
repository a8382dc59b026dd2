package io.scrapestream.ingest.scrape.http;

import java.io.InputStream;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A response whose body is read from its connection. {@link #close()} (or closing the body) must
 * follow: it returns a fully read connection to the pool and closes any other.
 */
public final class HttpResponse implements AutoCloseable {
  private final ResponseHead head;
  private final ResponseBody body;
  private final long contentLength;

  HttpResponse(ResponseHead head, ResponseBody body, long contentLength) {
    this.head = head;
    this.body = body;
    this.contentLength = contentLength;
  }

  public int status() {
    return head.status();
  }

  /** The first value of a header field, by case-insensitive name. */
  public Optional<String> header(String name) {
    return head.first(name.toLowerCase(java.util.Locale.ROOT));
  }

  /** The {@code Content-Length} of a body framed by it. */
  public OptionalLong contentLength() {
    return contentLength < 0 ? OptionalLong.empty() : OptionalLong.of(contentLength);
  }

  /**
   * The body; a read past the deadline throws {@link DeadlineExceededException}, a malformed
   * framing {@link HttpProtocolException}.
   */
  public InputStream body() {
    return body;
  }

  @Override
  public void close() {
    body.close();
  }
}
