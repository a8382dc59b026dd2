package io.scrapestream.ingest.scrape.http;

import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocketFactory;

/**
 * A lean HTTP/1.1 client for scrapes: blocking sockets read on the caller's thread, keep-alive
 * connections pooled by origin, one deadline for connect, TLS handshake, headers and body. A
 * request on a pooled connection that the server closed meanwhile (it failed before any byte of a
 * response arrived) is sent once more on a new connection, as Go's transport does for idempotent
 * requests. Thread-safe.
 */
public final class Http11Client implements AutoCloseable {
  private static final int IDLE_PER_ORIGIN = 2;
  private static final int IDLE_TOTAL = 10_000;
  private static final long MAX_IDLE_NANOS = TimeUnit.SECONDS.toNanos(90);

  private final Connector connector;
  private final ConnectionPool pool;

  /**
   * @param tls makes the TLS sockets of https origins
   * @param parameters the protocols (and cipher suites) TLS may use
   * @param serverName the SNI and the name verified instead of the URL's host, when set
   */
  public Http11Client(SSLSocketFactory tls, SSLParameters parameters, Optional<String> serverName) {
    this.connector = new Connector(tls, parameters, serverName);
    this.pool = new ConnectionPool(IDLE_PER_ORIGIN, IDLE_TOTAL, MAX_IDLE_NANOS);
  }

  /**
   * Sends {@code request} and reads the response head before {@code deadlineNanos} ({@link
   * System#nanoTime()} based); the body is read from the returned response within the same
   * deadline.
   */
  public HttpResponse send(HttpRequest request, long deadlineNanos) throws IOException {
    byte[] bytes = request.encode();
    Optional<HttpConnection> pooled = pool.take(request.origin(), System.nanoTime());
    if (pooled.isPresent()) {
      try {
        return exchange(pooled.get(), bytes, deadlineNanos);
      } catch (DeadlineExceededException | HttpProtocolException e) {
        throw e;
      } catch (IOException e) {
        if (pooled.get().in().received() > 0) {
          throw e;
        }
      }
    }
    return exchange(connector.open(request.origin(), deadlineNanos), bytes, deadlineNanos);
  }

  private HttpResponse exchange(HttpConnection connection, byte[] request, long deadlineNanos)
      throws IOException {
    try {
      connection.send(request, deadlineNanos);
      ResponseHead head = ResponseHead.read(connection.in());
      ResponseBody.Frame frame = ResponseBody.Frame.of(head);
      ResponseBody body =
          new ResponseBody(connection.in(), frame, reusable -> release(connection, reusable));
      return new HttpResponse(head, body, frame.length());
    } catch (IOException | RuntimeException e) {
      connection.close();
      throw e;
    }
  }

  private void release(HttpConnection connection, boolean reusable) {
    if (reusable && connection.in().buffered() == 0) {
      pool.give(connection, System.nanoTime());
    } else {
      connection.close();
    }
  }

  /** Closes the idle connections; responses still open close theirs when they are closed. */
  @Override
  public void close() {
    pool.close();
  }
}
