package io.scrapestream.testsupport.faults;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Synthetic scrape targets whose values are per-scrape sequence numbers, so loss and duplication
 * are countable at the backend. Target {@code i} listens on its own loopback port (its own {@code
 * instance}) and answers scrape number {@code n} (1, 2, ...) of {@code /metrics} with {@code
 * seq{series="s<k>"} n} for {@code k} in {@code [0, seriesPerTarget)}, text format 0.0.4. Every
 * answered scrape is recorded; {@link #expectedKeys()} is what a lossless pipeline stores.
 */
public final class SequenceTargets implements AutoCloseable {
  private final int seriesPerTarget;
  private final List<HttpServer> servers = new ArrayList<>();
  private final List<AtomicLong> scrapes = new ArrayList<>();
  private final List<Set<Long>> served = new ArrayList<>();
  private final ExecutorService executor = Executors.newFixedThreadPool(4);

  private SequenceTargets(int seriesPerTarget) {
    this.seriesPerTarget = seriesPerTarget;
  }

  /** Starts {@code targets} targets of {@code seriesPerTarget} series each. */
  public static SequenceTargets start(int targets, int seriesPerTarget) throws IOException {
    if (targets < 1 || seriesPerTarget < 1) {
      throw new IllegalArgumentException(
          "targets and seriesPerTarget must be >= 1. Found: " + targets + ", " + seriesPerTarget);
    }
    SequenceTargets started = new SequenceTargets(seriesPerTarget);
    for (int i = 0; i < targets; i++) {
      started.add(i);
    }
    return started;
  }

  /** {@code 127.0.0.1:<port>} of target {@code i}: its scrape address and {@code instance}. */
  public String address(int target) {
    return "127.0.0.1:" + servers.get(target).getAddress().getPort();
  }

  /** Every target's address, in target order. */
  public List<String> addresses() {
    List<String> addresses = new ArrayList<>();
    for (int i = 0; i < servers.size(); i++) {
      addresses.add(address(i));
    }
    return addresses;
  }

  /** The target index of an {@code instance} label value, or -1 when none has that address. */
  public int targetOf(String instance) {
    return addresses().indexOf(instance);
  }

  public int targets() {
    return servers.size();
  }

  public int seriesPerTarget() {
    return seriesPerTarget;
  }

  /** Scrapes answered so far by target {@code i}. */
  public long scrapes(int target) {
    return scrapes.get(target).get();
  }

  /** The sequence numbers target {@code i} has answered with. */
  public Set<Long> served(int target) {
    return Set.copyOf(served.get(target));
  }

  /**
   * One {@link #key} per sample answered so far: what a lossless pipeline stores, each exactly
   * once.
   */
  public Set<String> expectedKeys() {
    Set<String> keys = new HashSet<>();
    for (int target = 0; target < servers.size(); target++) {
      for (long sequence : served.get(target)) {
        for (int series = 0; series < seriesPerTarget; series++) {
          keys.add(key(address(target), "s" + series, sequence));
        }
      }
    }
    return keys;
  }

  /**
   * The identity of one stored sample: {@code <instance>/<series label>/<sequence value>}. A ledger
   * builds it from a stored {@code seq} sample's {@code instance} and {@code series} labels and its
   * value.
   */
  public static String key(String instance, String series, long sequence) {
    return instance + "/" + series + "/" + sequence;
  }

  @Override
  public void close() {
    servers.forEach(server -> server.stop(0));
    executor.shutdownNow();
  }

  private void add(int target) throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    scrapes.add(new AtomicLong());
    served.add(ConcurrentHashMap.newKeySet());
    server.createContext("/metrics", exchange -> answer(target, exchange));
    server.setExecutor(executor);
    server.start();
    servers.add(server);
  }

  private void answer(int target, HttpExchange exchange) throws IOException {
    try (exchange) {
      long sequence = scrapes.get(target).incrementAndGet();
      StringBuilder body = new StringBuilder("# TYPE seq gauge\n");
      for (int series = 0; series < seriesPerTarget; series++) {
        body.append("seq{series=\"s").append(series).append("\"} ").append(sequence).append('\n');
      }
      byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "text/plain; version=0.0.4");
      exchange.sendResponseHeaders(200, bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
      served.get(target).add(sequence);
    }
  }
}
