package io.scrapestream.sink.faults;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.scrapestream.schemas.prompb.Label;
import io.scrapestream.schemas.prompb.Sample;
import io.scrapestream.schemas.prompb.TimeSeries;
import io.scrapestream.schemas.prompb.WriteRequest;
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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.xerial.snappy.Snappy;

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

  /** One request as the receiver answered it. */
  /**
   * One answered request; {@code bodyHash} tells a retry (the same body again) from another
   * partition's request, since partitions export in parallel.
   */
  record Exchange(
      int status,
      Optional<String> retryAfter,
      long arrivedNanos,
      Instant arrived,
      long answeringNanos,
      int bodyHash) {}

  private final int port;
  private final Map<String, Integer> counts = new ConcurrentHashMap<>();
  private final List<Exchange> exchanges = new CopyOnWriteArrayList<>();
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
    return Map.copyOf(counts);
  }

  /** Different samples stored, each counted once. */
  int distinctSamples() {
    return counts.size();
  }

  int acceptedRequests() {
    return accepted.get();
  }

  /** Answered requests in the order they arrived. */
  List<Exchange> exchanges() {
    List<Exchange> sorted = new ArrayList<>(exchanges);
    sorted.sort(Comparator.comparingLong(Exchange::arrivedNanos));
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
        int samples = store(WriteRequest.parseFrom(Snappy.uncompress(body)));
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
          new Exchange(
              reply.status(),
              reply.retryAfter(),
              arrivedNanos,
              arrived,
              System.nanoTime(),
              Arrays.hashCode(body)));
      exchange.sendResponseHeaders(reply.status(), -1);
    }
  }

  private int store(WriteRequest request) {
    int samples = 0;
    for (TimeSeries series : request.getTimeseriesList()) {
      String labels =
          series.getLabelsList().stream()
              .filter(label -> !label.getName().equals("__name__"))
              .sorted(Comparator.comparing(Label::getName))
              .map(label -> label.getName() + "=" + label.getValue())
              .collect(Collectors.joining(","));
      for (Sample sample : series.getSamplesList()) {
        counts.merge(
            SequenceWorkload.sampleKey(labels, sample.getTimestamp(), sample.getValue()),
            1,
            Integer::sum);
        samples++;
      }
    }
    return samples;
  }

  private void awaitRelease() {
    try {
      release.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
