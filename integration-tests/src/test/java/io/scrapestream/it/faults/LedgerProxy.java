package io.scrapestream.it.faults;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.scrapestream.testsupport.faults.RemoteWriteExchange;
import io.scrapestream.testsupport.faults.SampleKeyer;
import io.scrapestream.testsupport.faults.WriteRequestLedger;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A remote-write proxy on a fixed loopback port in front of a real backend: it forwards each
 * request and, when the backend answered 2xx, counts the request's {@code seq} samples in a {@link
 * WriteRequestLedger}, so the ledger holds what the backend stored. Faults: refuse connections (the
 * backend is down), answer 429 without forwarding ({@link Throttle}), add latency, or hold the
 * answer to a stored request until {@link #release()} (the sender dies waiting for it).
 */
final class LedgerProxy implements AutoCloseable {
  private static final List<String> FORWARDED_HEADERS =
      List.of("Content-Encoding", "Content-Type", "X-Prometheus-Remote-Write-Version");

  /** A refusal: 429 with an optional {@code Retry-After}. */
  record Refusal(Optional<String> retryAfter) {}

  /** Decides whether request number {@code index} (0-based) is refused instead of forwarded. */
  @FunctionalInterface
  interface Throttle {
    Optional<Refusal> refuse(int index);
  }

  private final URI backend;
  private final int port;
  private final WriteRequestLedger ledger = new WriteRequestLedger(SampleKeyer.SEQUENCE);
  private final List<RemoteWriteExchange> exchanges = new CopyOnWriteArrayList<>();
  private final AtomicInteger requests = new AtomicInteger();
  private final AtomicInteger accepted = new AtomicInteger();
  private final CountDownLatch release = new CountDownLatch(1);
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final HttpClient client =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private volatile Throttle throttle = index -> Optional.empty();
  private volatile Duration latency = Duration.ZERO;
  private volatile int holdAt = Integer.MAX_VALUE;
  private volatile int heldSamples = -1;
  private HttpServer server;

  /** Starts forwarding to the backend's remote-write URL. */
  LedgerProxy(URI backend) throws IOException {
    this.backend = backend;
    server = bind(0);
    port = server.getAddress().getPort();
    server.start();
  }

  URI url() {
    return URI.create("http://127.0.0.1:" + port + "/api/v1/write");
  }

  /** What the backend stored, as far as it acknowledged it. */
  WriteRequestLedger ledger() {
    return ledger;
  }

  void throttle(Throttle next) {
    this.throttle = next;
  }

  /** Latency added before each request is forwarded. */
  void delay(Duration added) {
    this.latency = added;
  }

  /** Stored request number {@code index} (0-based) is not answered until {@link #release()}. */
  void holdAcceptedRequest(int index) {
    this.holdAt = index;
  }

  void release() {
    release.countDown();
  }

  /** {@code seq} samples of the held request; -1 while none is held. */
  int heldSamples() {
    return heldSamples;
  }

  /** The backend is down: the port refuses connections. */
  synchronized void refuseConnections() {
    server.stop(0);
  }

  /** The backend is back on the same port. */
  synchronized void acceptConnections() throws IOException {
    server = bind(port);
    server.start();
  }

  /** Answered requests in the order they arrived. */
  List<RemoteWriteExchange> exchanges() {
    List<RemoteWriteExchange> sorted = new ArrayList<>(exchanges);
    sorted.sort(Comparator.comparingLong(RemoteWriteExchange::arrivedNanos));
    return sorted;
  }

  @Override
  public void close() {
    release();
    refuseConnections();
    executor.shutdownNow();
  }

  private HttpServer bind(int onPort) throws IOException {
    HttpServer bound =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), onPort), 0);
    bound.createContext("/api/v1/write", this::handle);
    bound.setExecutor(executor);
    return bound;
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      long arrivedNanos = System.nanoTime();
      Instant arrived = Instant.now();
      byte[] body = exchange.getRequestBody().readAllBytes();
      Optional<Refusal> refusal = throttle.refuse(requests.getAndIncrement());
      Optional<String> retryAfter = refusal.flatMap(Refusal::retryAfter);
      int status = 429;
      if (refusal.isEmpty()) {
        pause(latency);
        status = forward(exchange, body);
        if (status / 100 == 2) {
          holdIfAsked(ledger.record(body));
        }
      }
      retryAfter.ifPresent(value -> exchange.getResponseHeaders().add("Retry-After", value));
      exchanges.add(
          new RemoteWriteExchange(
              status, retryAfter, arrivedNanos, arrived, System.nanoTime(), Arrays.hashCode(body)));
      exchange.sendResponseHeaders(status, -1);
    }
  }

  private int forward(HttpExchange exchange, byte[] body) throws IOException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(backend).POST(HttpRequest.BodyPublishers.ofByteArray(body));
    for (String header : FORWARDED_HEADERS) {
      String value = exchange.getRequestHeaders().getFirst(header);
      if (value != null) {
        request.header(header, value);
      }
    }
    try {
      return client.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      return 502;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 503;
    }
  }

  private void holdIfAsked(int samples) {
    if (accepted.getAndIncrement() == holdAt) {
      heldSamples = samples;
      try {
        release.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static void pause(Duration duration) {
    if (duration.isZero()) {
      return;
    }
    try {
      Thread.sleep(duration.toMillis()); // the fault itself: a slow backend
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
