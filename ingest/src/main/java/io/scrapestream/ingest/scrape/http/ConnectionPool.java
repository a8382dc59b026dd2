package io.scrapestream.ingest.scrape.http;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Idle keep-alive connections by origin: at most {@code perOrigin} for one origin and {@code total}
 * in all; a connection idle longer than {@code maxIdleNanos} is closed instead of reused. Times are
 * {@link System#nanoTime()} readings passed in. Thread-safe.
 */
final class ConnectionPool {
  private final int perOrigin;
  private final int total;
  private final long maxIdleNanos;
  private final Map<Origin, ArrayDeque<HttpConnection>> idle = new HashMap<>();
  private int size;
  private boolean closed;

  ConnectionPool(int perOrigin, int total, long maxIdleNanos) {
    if (perOrigin < 1 || total < perOrigin || maxIdleNanos <= 0) {
      throw new IllegalArgumentException(
          "need 1 <= perOrigin <= total and maxIdleNanos > 0. Found: "
              + perOrigin
              + ", "
              + total
              + ", "
              + maxIdleNanos);
    }
    this.perOrigin = perOrigin;
    this.total = total;
    this.maxIdleNanos = maxIdleNanos;
  }

  /** The most recently used idle connection to {@code origin}, if one is fresh enough. */
  synchronized Optional<HttpConnection> take(Origin origin, long nowNanos) {
    ArrayDeque<HttpConnection> connections = idle.get(origin);
    while (connections != null && !connections.isEmpty()) {
      HttpConnection connection = connections.pollLast();
      size--;
      if (connections.isEmpty()) {
        idle.remove(origin);
      }
      if (nowNanos - connection.idleSinceNanos() <= maxIdleNanos) {
        return Optional.of(connection);
      }
      connection.close();
    }
    return Optional.empty();
  }

  /** Keeps {@code connection} for reuse, or closes it when the pool is full or closed. */
  synchronized void give(HttpConnection connection, long nowNanos) {
    ArrayDeque<HttpConnection> connections =
        idle.computeIfAbsent(connection.origin(), origin -> new ArrayDeque<>(perOrigin));
    if (closed || size >= total || connections.size() >= perOrigin) {
      if (connections.isEmpty()) {
        idle.remove(connection.origin());
      }
      connection.close();
      return;
    }
    connection.idleSince(nowNanos);
    connections.addLast(connection);
    size++;
  }

  /** How many idle connections are kept. */
  synchronized int size() {
    return size;
  }

  /** Closes every idle connection; connections given back later are closed too. */
  synchronized void close() {
    closed = true;
    idle.values().forEach(connections -> connections.forEach(HttpConnection::close));
    idle.clear();
    size = 0;
  }
}
