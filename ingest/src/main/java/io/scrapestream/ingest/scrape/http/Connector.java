package io.scrapestream.ingest.scrape.http;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * Opens connections within a deadline: TCP to each address of the host (or the proxy) in turn, a
 * CONNECT tunnel for https through a proxy, then TLS with the job's context, protocols and SNI
 * ({@code server_name} when set, else the URL's host name; never an IP literal); a connection the
 * peer drops during the handshake is a handshake failure. The host name is verified unless the
 * trust manager does it itself ({@code server_name}, {@code insecure_skip_verify}).
 */
final class Connector {
  /**
   * JSSE's socket says this where its engine (and so the JDK HTTP client, whose texts scrape errors
   * keep) says "Unrecognized SSL message, plaintext connection?".
   */
  private static final String PLAINTEXT = "Unsupported or unrecognized SSL message";

  private final SSLSocketFactory tls;
  private final SSLParameters parameters;
  private final Optional<String> serverName;

  /** {@code parameters} carries the protocols; it is copied for every connection. */
  Connector(SSLSocketFactory tls, SSLParameters parameters, Optional<String> serverName) {
    this.tls = tls;
    this.parameters = parameters;
    this.serverName = serverName;
  }

  HttpConnection open(Origin origin, long deadlineNanos) throws IOException {
    InetSocketAddress to =
        origin
            .proxy()
            .map(HttpProxy::address)
            .orElse(InetSocketAddress.createUnresolved(origin.host(), origin.port()));
    Socket socket = connect(to.getHostString(), to.getPort(), deadlineNanos);
    try {
      if (origin.tls()) {
        if (origin.proxy().isPresent()) {
          tunnel(socket, origin, deadlineNanos);
        }
        socket = handshake(socket, origin, deadlineNanos);
      }
      return new HttpConnection(origin, socket);
    } catch (IOException | RuntimeException e) {
      socket.close();
      throw e;
    }
  }

  private static Socket connect(String host, int port, long deadlineNanos) throws IOException {
    IOException last = null;
    for (InetAddress address : InetAddress.getAllByName(host)) {
      Socket socket = new Socket();
      try {
        socket.setTcpNoDelay(true);
        socket.connect(
            new InetSocketAddress(address, port), timeoutMillis(deadlineNanos, "connecting"));
        return socket;
      } catch (IOException e) {
        socket.close();
        last =
            deadlineNanos - System.nanoTime() <= 0
                ? new DeadlineExceededException("connecting")
                : e;
      }
    }
    throw last;
  }

  /**
   * {@code CONNECT host:port}, with the proxy's credentials and connect header fields if any;
   * anything but a 2xx answer fails the connection.
   */
  private static void tunnel(Socket socket, Origin origin, long deadlineNanos) throws IOException {
    String fields = origin.proxy().map(HttpProxy::connectFields).orElse("");
    String request =
        "CONNECT "
            + origin.authority()
            + " HTTP/1.1\r\nHost: "
            + origin.authority()
            + "\r\n"
            + fields
            + "\r\n";
    socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
    DeadlineInput in = new DeadlineInput(socket);
    in.begin(deadlineNanos);
    ResponseHead head = ResponseHead.read(in);
    if (head.status() / 100 != 2 || in.buffered() > 0) {
      throw new HttpProtocolException(
          "proxy answered CONNECT "
              + origin.authority()
              + " with HTTP status "
              + head.status()
              + (head.reason().isEmpty() ? "" : " " + head.reason()));
    }
  }

  private Socket handshake(Socket socket, Origin origin, long deadlineNanos) throws IOException {
    SSLSocket ssl = (SSLSocket) tls.createSocket(socket, origin.host(), origin.port(), true);
    SSLParameters own = new SSLParameters(parameters.getCipherSuites(), parameters.getProtocols());
    own.setEndpointIdentificationAlgorithm("HTTPS");
    sni(origin.host()).ifPresent(name -> own.setServerNames(List.of(name)));
    ssl.setSSLParameters(own);
    ssl.setSoTimeout(timeoutMillis(deadlineNanos, "in the TLS handshake"));
    try {
      ssl.startHandshake();
    } catch (SocketTimeoutException e) {
      throw new DeadlineExceededException("in the TLS handshake");
    } catch (SSLException e) {
      throw PLAINTEXT.equals(e.getMessage())
          ? new SSLHandshakeException("Unrecognized SSL message, plaintext connection?")
          : e;
    } catch (IOException e) {
      SSLHandshakeException terminated =
          new SSLHandshakeException("Remote host terminated the handshake");
      terminated.initCause(e);
      throw terminated;
    }
    return ssl;
  }

  private Optional<SNIServerName> sni(String host) {
    String name = serverName.orElse(host);
    if (serverName.isEmpty() && (host.indexOf(':') >= 0 || host.matches("[0-9.]+"))) {
      return Optional.empty();
    }
    try {
      return Optional.of(new SNIHostName(name));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static int timeoutMillis(long deadlineNanos, String during)
      throws DeadlineExceededException {
    long remaining = deadlineNanos - System.nanoTime();
    if (remaining <= 0) {
      throw new DeadlineExceededException(during);
    }
    return (int) Math.min(Integer.MAX_VALUE, TimeUnit.NANOSECONDS.toMillis(remaining) + 1);
  }
}
