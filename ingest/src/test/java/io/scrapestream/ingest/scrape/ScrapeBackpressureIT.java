package io.scrapestream.ingest.scrape;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.scrapestream.broker.BrokerSettings;
import io.scrapestream.broker.EmbeddedKafkaBroker;
import io.scrapestream.core.target.ScrapeTarget;
import io.scrapestream.core.target.TargetKey;
import io.scrapestream.ingest.publish.KafkaBatchPublisher;
import io.scrapestream.ingest.publish.PublishFailure;
import io.scrapestream.schemas.v1.ScrapeReport;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Back-pressure against a real KRaft broker that goes away: scrapes are skipped and counted, and
 * the batches in flight never pass the bound.
 */
@Timeout(180)
class ScrapeBackpressureIT {
  private static final int MAX_IN_FLIGHT = 3;
  private static final String TOPIC = "bp.samples.raw";

  private final AtomicInteger skipped = new AtomicInteger();
  private final AtomicInteger scraped = new AtomicInteger();
  private final AtomicInteger acknowledged = new AtomicInteger();
  private final AtomicInteger maxSeenInFlight = new AtomicInteger();
  private HttpServer server;
  private KafkaBatchPublisher publisher;

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop(0);
    }
  }

  @Test
  void shouldHoldBoundAndSkipWhenStoppedBrokerLeavesBatchesUnacknowledged(@TempDir Path dir)
      throws Exception {
    try (ScrapeScheduler scheduler = scrapeAfterBrokerStops(dir, "none")) {
      await().atMost(Duration.ofSeconds(60)).until(() -> skipped.get() >= 10);

      assertThat(publisher.inFlight()).isEqualTo(MAX_IN_FLIGHT);
      assertThat(publisher.hasRoom()).isFalse();
      assertThat(maxSeenInFlight.get()).isEqualTo(MAX_IN_FLIGHT);
      assertThat(scraped.get()).isEqualTo(1 + MAX_IN_FLIGHT);
    } finally {
      publisher.close();
    }
  }

  @Test
  void shouldPauseAndSkipWhenSendsFailBecauseBrokerIsUnreachable(@TempDir Path dir)
      throws Exception {
    try (ScrapeScheduler scheduler = scrapeAfterBrokerStops(dir, "rebootstrap")) {
      await().atMost(Duration.ofSeconds(60)).until(() -> skipped.get() >= 20);

      assertThat(maxSeenInFlight.get()).isLessThanOrEqualTo(MAX_IN_FLIGHT);
      assertThat(scraped.get()).isLessThan(skipped.get());
    } finally {
      publisher.close();
    }
  }

  /**
   * Publishes one scrape to a fresh broker, stops the broker, then scrapes a target every 100 ms.
   */
  private ScrapeScheduler scrapeAfterBrokerStops(Path dir, String recovery) throws Exception {
    EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(BrokerSettings.inDirectory(dir));
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
      admin.createTopics(List.of(new NewTopic(TOPIC, 1, (short) 1))).all().get();
    }
    publisher =
        new KafkaBatchPublisher(properties(broker, recovery), TOPIC, listener(), MAX_IN_FLIGHT);
    TargetScraper scraper = new TargetScraper(target(serve("a 1\nb 2\n")), Scrapes.job());
    ScrapeScheduler scheduler = new ScrapeScheduler(publisher, listener(), clock(), 2);
    scheduler.runOnce(scraper);
    await().atMost(Duration.ofSeconds(60)).until(() -> acknowledged.get() == 1);
    broker.close();
    scheduler.schedule(List.of(scraper));
    return scheduler;
  }

  private ScrapeListener listener() {
    return new ScrapeListener() {
      @Override
      public void scraped(ScrapeTarget target, ScrapeReport report) {
        scraped.incrementAndGet();
        maxSeenInFlight.accumulateAndGet(publisher.inFlight(), Math::max);
      }

      @Override
      public void scrapeSkipped(ScrapeTarget target, ScrapeSkipReason reason) {
        assertThat(reason).isEqualTo(ScrapeSkipReason.BACKPRESSURE);
        skipped.incrementAndGet();
        maxSeenInFlight.accumulateAndGet(publisher.inFlight(), Math::max);
      }

      @Override
      public void published(Duration latency, Optional<PublishFailure> failure) {
        if (failure.isEmpty()) {
          acknowledged.incrementAndGet();
        }
      }
    };
  }

  private static Map<String, Object> properties(EmbeddedKafkaBroker broker, String recovery) {
    return Map.of(
        "bootstrap.servers", broker.bootstrapServers(),
        "metadata.recovery.strategy", recovery,
        "acks", "all",
        "enable.idempotence", "true",
        "request.timeout.ms", "60000",
        "delivery.timeout.ms", "120000");
  }

  private static ScrapeTarget target(URI url) {
    return new ScrapeTarget(
        new TargetKey("00000000000000bb"),
        "j",
        url,
        new TreeMap<>(Map.of("job", "j", "instance", "i")),
        Duration.ofMillis(100),
        Duration.ofMillis(100),
        false,
        true);
  }

  private static Clock clock() {
    return Clock.systemUTC();
  }

  private URI serve(String body) throws Exception {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/metrics",
        exchange -> {
          exchange.getResponseHeaders().add("Content-Type", "text/plain; version=0.0.4");
          exchange.sendResponseHeaders(200, bytes.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
          }
        });
    server.start();
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/metrics");
  }
}
