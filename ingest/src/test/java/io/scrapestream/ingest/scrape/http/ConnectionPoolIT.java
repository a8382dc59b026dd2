package io.scrapestream.ingest.scrape.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The pool's bounds and idle expiry, on real loopback connections and injected times. */
@Timeout(30)
class ConnectionPoolIT {
  private static final long SECOND = 1_000_000_000L;

  private final List<Socket> sockets = new ArrayList<>();
  private ServerSocket server;

  @AfterEach
  void stop() throws Exception {
    for (Socket socket : sockets) {
      socket.close();
    }
    server.close();
  }

  @Test
  void shouldKeepAtMostPerOriginAndCloseTheRestWhenMoreAreGivenBack() throws Exception {
    ConnectionPool pool = new ConnectionPool(2, 10, 90 * SECOND);
    Origin origin = origin();

    pool.give(connection(origin), 0);
    pool.give(connection(origin), 0);
    pool.give(connection(origin), 0);

    assertThat(pool.size()).isEqualTo(2);
    assertThat(sockets.get(2).isClosed()).isTrue();
  }

  @Test
  void shouldGiveTheMostRecentConnectionBackWhenTaking() throws Exception {
    ConnectionPool pool = new ConnectionPool(2, 10, 90 * SECOND);
    Origin origin = origin();
    HttpConnection older = connection(origin);
    HttpConnection newer = connection(origin);
    pool.give(older, 0);
    pool.give(newer, SECOND);

    assertThat(pool.take(origin, 2 * SECOND)).containsSame(newer);
    assertThat(pool.take(origin, 2 * SECOND)).containsSame(older);
    assertThat(pool.take(origin, 2 * SECOND)).isEmpty();
  }

  @Test
  void shouldCloseAndSkipConnectionWhenIdleLongerThanTheMaximum() throws Exception {
    ConnectionPool pool = new ConnectionPool(2, 10, 90 * SECOND);
    Origin origin = origin();
    pool.give(connection(origin), 0);

    assertThat(pool.take(origin, 91 * SECOND)).isEmpty();
    assertThat(sockets.get(0).isClosed()).isTrue();
    assertThat(pool.size()).isZero();
  }

  @Test
  void shouldCloseConnectionWhenTotalIsReachedOrPoolIsClosed() throws Exception {
    ConnectionPool pool = new ConnectionPool(1, 1, 90 * SECOND);
    Origin other = new Origin("http", "other.test", 80, Optional.empty());
    pool.give(connection(origin()), 0);
    pool.give(connection(other), 0);
    pool.close();
    pool.give(connection(other), 0);

    assertThat(sockets.stream().map(Socket::isClosed)).containsExactly(true, true, true);
    assertThat(pool.size()).isZero();
  }

  private Origin origin() throws Exception {
    if (server == null) {
      server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    }
    return new Origin("http", "127.0.0.1", server.getLocalPort(), Optional.empty());
  }

  /**
   * A connected socket (the listen backlog accepts it) wrapped as a connection to {@code origin}.
   */
  private HttpConnection connection(Origin origin) throws Exception {
    Socket socket = new Socket(InetAddress.getLoopbackAddress(), origin().port());
    sockets.add(socket);
    return new HttpConnection(origin, socket);
  }
}
