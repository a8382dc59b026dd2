package io.scrapestream.testsupport.faults;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
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
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A remote-write 1.0 endpoint on a fixed loopback port that makes the faults of a backend and
 * counts what was stored in a {@link WriteRequestLedger}, so lost and duplicated samples are exact.
 * As a {@link #receiver} it is the backend: an accepted request is stored. As a {@link #proxy} it
 * stands in front of a real backend: an accepted request is forwarded and counted when the backend
 * answered 2xx. Faults: a {@link Responder} answers a request itself (429 with {@code Retry-After},
 * 5xx), added latency, refused connections, and the answer to a stored request held until {@link
 * #release()} (the sender dies waiting for the acknowledgement of stored samples).
 */
public final class RemoteWriteEndpoint implements AutoCloseable {
  private static final List<String> FORWARDED_HEADERS =
      List.of("Content-Encoding", "Content-Type", "X-Prometheus-Remote-Write-Version");

  /** The answer to request number {@code index} (0-based); a 2xx reply accepts the request. */
  @FunctionalInterface
  public interface Responder {
    Reply answer(int index);
  }

  /** A status and an optional {@code Retry-After} value. */
  public record Reply(int status, Optional<String> retryAfter) {
    /** Accept: store the request (receiver) or forward it (proxy). */
    public static final Reply ACCEPT = new Reply(204, Optional.empty());

    public Reply {
      Objects.requireNonNull(retryAfter, "retryAfter");
    }

    /** 429 Too Many Requests with an optional {@code Retry-After}. */
    public static Reply throttled(Optional<String> retryAfter) {
      return new Reply(429, retryAfter);
    }
  }

  private final Optional<URI> backend;
  private final int port;
  private final WriteRequestLedger ledger;
  private final List<RemoteWriteExchange> exchanges = new CopyOnWriteArrayList<>();
  private final AtomicInteger requests = new AtomicInteger();
  private final AtomicInteger accepted = new AtomicInteger();
  private final CountDownLatch release = new CountDownLatch(1);
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final HttpClient client =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private volatile Responder responder = index -> Reply.ACCEPT;
  private volatile Duration latency = Duration.ZERO;
  private volatile int holdAt = Integer.MAX_VALUE;
  private volatile int heldSamples = -1;
  private HttpServer server;

  private RemoteWriteEndpoint(Optional<URI> backend, SampleKeyer keyer) throws IOException {
    this.backend = backend;
    this.ledger = new WriteRequestLedger(keyer);
    server = bind(0);
    port = server.getAddress().getPort();
    server.start();
  }

  /** The backend itself: accepted requests are stored and counted with {@code keyer}. */
  public static RemoteWriteEndpoint receiver(SampleKeyer keyer) throws IOException {
    return new RemoteWriteEndpoint(Optional.empty(), keyer);
  }

  /** In front of {@code backend}: what it acknowledged is counted with {@code keyer}. */
  public static RemoteWriteEndpoint proxy(URI backend, SampleKeyer keyer) throws IOException {
    return new RemoteWriteEndpoint(Optional.of(backend), keyer);
  }

  public URI url() {
    return URI.create("http://127.0.0.1:" + port + "/api/v1/write");
  }

  /** What was stored, as far as it was acknowledged. */
  public WriteRequestLedger ledger() {
    return ledger;
  }

  public void respondWith(Responder next) {
    this.responder = Objects.requireNonNull(next, "responder");
  }

  /** Latency added before each accepted request is stored or forwarded. */
  public void delay(Duration added) {
    this.latency = Objects.requireNonNull(added, "latency");
  }

  /** Stored request number {@code index} (0-based) is not answered until {@link #release()}. */
  public void holdAcceptedRequest(int index) {
    this.holdAt = index;
  }

  public void release() {
    release.countDown();
  }

  /** Samples counted of the held request; -1 while none is held. */
  public int heldSamples() {
    return heldSamples;
  }

  /** Requests stored so far. */
  public int acceptedRequests() {
    return accepted.get();
  }

  /** The backend is down: the port refuses connections. */
  public synchronized void refuseConnections() {
    server.stop(0);
  }

  /** The backend is back on the same port. */
  public synchronized void acceptConnections() throws IOException {
    server = bind(port);
    server.start();
  }

  /** Answered requests in the order they arrived. */
  public List<RemoteWriteExchange> exchanges() {
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
      Reply reply = responder.answer(requests.getAndIncrement());
      int status = reply.status();
      if (status / 100 == 2) {
        pause(latency);
        status = backend.isPresent() ? forward(exchange, body) : status;
        if (status / 100 == 2) {
          holdIfAsked(ledger.record(body));
        }
      }
      reply
          .retryAfter()
          .ifPresent(value -> exchange.getResponseHeaders().add("Retry-After", value));
      exchanges.add(
          new RemoteWriteExchange(
              status,
              reply.retryAfter(),
              arrivedNanos,
              arrived,
              System.nanoTime(),
              Arrays.hashCode(body)));
      exchange.sendResponseHeaders(status, -1);
    }
  }

  private int forward(HttpExchange exchange, byte[] body) throws IOException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(backend.orElseThrow())
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
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
