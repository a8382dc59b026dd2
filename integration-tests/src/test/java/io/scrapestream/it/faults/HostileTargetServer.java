package io.scrapestream.it.faults;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;

/**
 * One hostile scrape target with four faces, each on its own path: {@code /bomb} (a gzip body that
 * inflates to 64 MiB), {@code /endless} (a chunked body that never ends), {@code /loris} (headers
 * and {@value #LORIS_BODY_BYTES} body bytes, then silence) and {@code /labels} (one series with
 * 10,000 labels).
 */
final class HostileTargetServer implements AutoCloseable {
  static final int LORIS_BODY_BYTES = 8;
  private static final String TEXT = "text/plain; version=0.0.4";
  private static final int MIB = 1024 * 1024;

  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final CountDownLatch closed = new CountDownLatch(1);
  private final byte[] bomb;
  private final byte[] wide;

  HostileTargetServer() throws IOException {
    bomb = gzipBomb();
    wide = wideSeries();
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/bomb", this::bomb);
    server.createContext("/endless", this::endless);
    server.createContext("/loris", this::loris);
    server.createContext("/labels", exchange -> respond(exchange, wide, false));
    server.setExecutor(executor);
    server.start();
  }

  /** {@code 127.0.0.1:<port>}. */
  String address() {
    return "127.0.0.1:" + server.getAddress().getPort();
  }

  private void bomb(HttpExchange exchange) throws IOException {
    respond(exchange, bomb, true);
  }

  private void endless(HttpExchange exchange) throws IOException {
    byte[] block = repeated("endless_metric 1\n", 64 * 1024);
    exchange.getResponseHeaders().add("Content-Type", TEXT);
    exchange.sendResponseHeaders(200, 0);
    try (OutputStream out = exchange.getResponseBody()) {
      for (long sent = 0; sent < 1024L * MIB && closed.getCount() > 0; sent += block.length) {
        out.write(block);
      }
    } catch (IOException e) {
      // The scraper hung up at its body_size_limit: what this target is for.
    } finally {
      exchange.close();
    }
  }

  private void loris(HttpExchange exchange) throws IOException {
    exchange.getResponseHeaders().add("Content-Type", TEXT);
    exchange.sendResponseHeaders(200, 0);
    OutputStream out = exchange.getResponseBody();
    out.write("loris 1\n".getBytes(StandardCharsets.US_ASCII));
    out.flush();
    try {
      closed.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      exchange.close();
    }
  }

  private static void respond(HttpExchange exchange, byte[] body, boolean gzip) throws IOException {
    try (exchange) {
      exchange.getResponseHeaders().add("Content-Type", TEXT);
      if (gzip) {
        exchange.getResponseHeaders().add("Content-Encoding", "gzip");
      }
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
    } catch (IOException e) {
      // The scraper hung up at a limit: what this target is for.
    }
  }

  private static byte[] gzipBomb() throws IOException {
    ByteArrayOutputStream compressed = new ByteArrayOutputStream();
    byte[] block = repeated("bomb 1\n", MIB);
    try (GZIPOutputStream gzip = new GZIPOutputStream(compressed)) {
      for (int i = 0; i < 64; i++) {
        gzip.write(block);
      }
    }
    return compressed.toByteArray();
  }

  private static byte[] wideSeries() {
    StringBuilder series = new StringBuilder("wide{");
    for (int i = 0; i < 10_000; i++) {
      series.append(i == 0 ? "" : ",").append('l').append(i).append("=\"v\"");
    }
    return series.append("} 1\n").toString().getBytes(StandardCharsets.US_ASCII);
  }

  private static byte[] repeated(String line, int size) {
    byte[] bytes = line.getBytes(StandardCharsets.US_ASCII);
    byte[] block = new byte[size - size % bytes.length];
    for (int i = 0; i < block.length; i += bytes.length) {
      System.arraycopy(bytes, 0, block, i, bytes.length);
    }
    return block;
  }

  @Override
  public void close() {
    closed.countDown();
    server.stop(0);
    executor.shutdownNow();
  }
}
