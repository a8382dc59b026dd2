package io.scrapestream.sink.faults;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.scrapestream.testsupport.faults.RemoteWriteExchange;
import io.scrapestream.testsupport.faults.SampleKeyer;
import io.scrapestream.testsupport.faults.WriteRequestLedger;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * A remote-write 1.0 receiver on a fixed loopback port that decodes every request (snappy + prompb
 * WriteRequest) and counts each sample of the requests it accepted, so lost and duplicated samples
 * are exact. A {@link Responder} decides each answer; {@link #stop()} and {@link #start()} make the
 * port refuse connections and listen again.
 */
final class CountingReceiver implements AutoCloseable {
  /** The answer to request number {@code index} (0-based). */
  @FunctionalInterface
  interface Responder {
    Reply answer(int index);
  }

  /** A status and an optional {@code Retry-After} value. */
  record Reply(int status, Optional<String> retryAfter) {
    static final Reply ACCEPT = new Reply(204, Optional.empty());
  }

  /** Every sample, keyed by {@link SequenceWorkload#sampleKey}: labels without the name. */
  private static final SampleKeyer SEQUENCE_WORKLOAD =
      (labels, timestampMs, value) ->
          Optional.of(
              SequenceWorkload.sampleKey(
                  labels.entrySet().stream()
                      .filter(label -> !label.getKey().equals("__name__"))
                      .map(label -> label.getKey() + "=" + label.getValue())
                      .collect(Collectors.joining(",")),
                  timestampMs,
                  value));

  private final int port;
  private final WriteRequestLedger ledger = new WriteRequestLedger(SEQUENCE_WORKLOAD);
  private final List<RemoteWriteExchange> exchanges = new CopyOnWriteArrayList<>();
  private final AtomicInteger requests = new AtomicInteger();
  private final AtomicInteger accepted = new AtomicInteger();
  private final CountDownLatch release = new CountDownLatch(1);
  private final ExecutorService executor = Executors.newFixedThreadPool(4);
  private volatile Responder responder = index -> Reply.ACCEPT;
  private volatile int holdAt = Integer.MAX_VALUE;
  private volatile int heldSamples = -1;
  private HttpServer server;

  CountingReceiver() throws IOException {
    server = bind(0);
    port = server.getAddress().getPort();
    server.start();
  }

  URI url() {
    return URI.create("http://127.0.0.1:" + port + "/api/v1/write");
  }

  void respondWith(Responder next) {
    this.responder = next;
  }

  /**
   * The accepted request number {@code index} (0-based) is stored, then never answered until {@link
   * #release()}: the sender dies waiting for the acknowledgement of stored samples.
   */
  void holdAcceptedRequest(int index) {
    this.holdAt = index;
  }

  void release() {
    release.countDown();
  }

  /** Samples of the held request; -1 while none is held. */
  int heldSamples() {
    return heldSamples;
  }

  synchronized void stop() {
    server.stop(0);
  }

  synchronized void start() throws IOException {
    server = bind(port);
    server.start();
  }

  /** How often each sample was stored. */
  Map<String, Integer> counts() {
    return ledger.counts();
  }

  /** Different samples stored, each counted once. */
  int distinctSamples() {
    return ledger.distinct();
  }

  int acceptedRequests() {
    return accepted.get();
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
    stop();
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
      if (reply.status() / 100 == 2) {
        int samples = ledger.record(body);
        if (accepted.getAndIncrement() == holdAt) {
          heldSamples = samples;
          awaitRelease();
          return;
        }
      }
      reply
          .retryAfter()
          .ifPresent(value -> exchange.getResponseHeaders().add("Retry-After", value));
      exchanges.add(
          new RemoteWriteExchange(
              reply.status(),
              reply.retryAfter(),
              arrivedNanos,
              arrived,
              System.nanoTime(),
              Arrays.hashCode(body)));
      exchange.sendResponseHeaders(reply.status(), -1);
    }
  }

  private void awaitRelease() {
    try {
      release.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
