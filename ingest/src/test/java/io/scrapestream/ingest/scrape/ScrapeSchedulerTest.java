package io.scrapestream.ingest.scrape;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.scrapestream.core.target.ScrapeTarget;
import io.scrapestream.ingest.publish.BatchChunker;
import io.scrapestream.ingest.publish.BatchPublisher;
import io.scrapestream.schemas.v1.ScrapeBatch;
import io.scrapestream.schemas.v1.ScrapeReport;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * One run of the scrape loop: chunking of large scrapes, skips under back-pressure, and a scrape
 * under way at close.
 */
@Timeout(30)
class ScrapeSchedulerTest {
  private final List<ScrapeBatch> published = new ArrayList<>();
  private final List<ScrapeSkipReason> skips = new ArrayList<>();
  private final List<ScrapeReport> reports = new ArrayList<>();
  private boolean room = true;
  private final CountDownLatch release = new CountDownLatch(1);
  private HttpServer server;

  @AfterEach
  void stop() {
    release.countDown();
    if (server != null) {
      server.stop(0);
    }
  }

  @Test
  void shouldPublishChunksWithReportInLastWhenScrapeExceedsMaxBatchBytes() throws Exception {
    StringBuilder body = new StringBuilder();
    for (int i = 0; i < 200; i++) {
      body.append("metric_")
          .append(i)
          .append("{path=\"/some/long/path/")
          .append(i)
          .append("\"} 1\n");
    }

    run(body.toString(), 2048);

    assertThat(published.size()).isGreaterThan(2);
    assertThat(published).allSatisfy(b -> assertThat(b.getSerializedSize()).isLessThan(2049));
    assertThat(published).extracting(b -> b.getTarget().getKey()).containsOnly("00000000000000aa");
    assertThat(published).extracting(b -> b.getChunk().getCount()).containsOnly(published.size());
    assertThat(published.stream().mapToInt(ScrapeBatch::getSeriesCount).sum())
        .isEqualTo(200 + TargetScraper.SYNTHETIC_SERIES);
    ScrapeBatch last = published.get(published.size() - 1);
    assertThat(Scrapes.value(last, "scrape_samples_scraped")).isEqualTo(200.0);
    assertThat(Scrapes.value(last, "up")).isEqualTo(1.0);
    assertThat(last.getReport().getSamplesScraped()).isEqualTo(200);
    assertThat(published.subList(0, published.size() - 1)).noneMatch(ScrapeBatch::hasReport);
    assertThat(skips).isEmpty();
  }

  @Test
  void shouldPublishOneBatchWithoutChunkWhenScrapeFits() throws Exception {
    run("a 1\n", 2048);

    assertThat(published).hasSize(1);
    assertThat(published.get(0).hasChunk()).isFalse();
    assertThat(reports).hasSize(1);
  }

  @Test
  void shouldSkipAndCountScrapeWhenPublisherHasNoRoom() throws Exception {
    room = false;

    run("a 1\n", 2048);

    assertThat(skips).containsExactly(ScrapeSkipReason.BACKPRESSURE);
    assertThat(published).isEmpty();
    assertThat(reports).isEmpty();
  }

  @Test
  void shouldPublishScrapeUnderWayWhenClosedMidScrape() throws Exception {
    CountDownLatch requested = new CountDownLatch(1);
    URI url = serve("a 1\n", requested, release);
    ScrapeScheduler scheduler =
        new ScrapeScheduler(publisher(), listener(), Scrapes.CLOCK, 1, new BatchChunker(2048));
    scheduler.schedule(List.of(new TargetScraper(Scrapes.target(url, false, true), Scrapes.job())));
    assertThat(requested.await(10, TimeUnit.SECONDS)).isTrue();

    Thread closing = new Thread(() -> closeQuietly(scheduler), "closing");
    closing.start();
    Awaitility.await().until(() -> closing.getState() == Thread.State.TIMED_WAITING);
    release.countDown();
    closing.join();

    assertThat(published).hasSize(1);
    assertThat(Scrapes.value(published.get(0), "up")).isEqualTo(1.0);
    assertThat(reports).hasSize(1);
  }

  private static void closeQuietly(ScrapeScheduler scheduler) {
    try {
      scheduler.close();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void run(String body, int maxBatchBytes) throws Exception {
    TargetScraper scraper =
        new TargetScraper(Scrapes.target(serve(body), false, true), Scrapes.job());
    try (ScrapeScheduler scheduler =
        new ScrapeScheduler(
            publisher(), listener(), Scrapes.CLOCK, 1, new BatchChunker(maxBatchBytes))) {
      scheduler.runOnce(scraper);
    }
  }

  private BatchPublisher publisher() {
    return new BatchPublisher() {
      @Override
      public boolean publish(ScrapeBatch batch) {
        return published.add(batch);
      }

      @Override
      public boolean hasRoom() {
        return room;
      }

      @Override
      public void close() {}
    };
  }

  private ScrapeListener listener() {
    return new ScrapeListener() {
      @Override
      public void scraped(ScrapeTarget target, ScrapeReport report) {
        reports.add(report);
      }

      @Override
      public void scrapeSkipped(ScrapeTarget target, ScrapeSkipReason reason) {
        skips.add(reason);
      }
    };
  }

  private URI serve(String body) throws Exception {
    return serve(body, new CountDownLatch(1), new CountDownLatch(0));
  }

  /** Serves {@code body}; each request counts {@code requested} down, then waits for release. */
  private URI serve(String body, CountDownLatch requested, CountDownLatch release)
      throws Exception {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/metrics",
        exchange -> {
          requested.countDown();
          awaitQuietly(release);
          exchange.getResponseHeaders().add("Content-Type", "text/plain; version=0.0.4");
          exchange.sendResponseHeaders(200, bytes.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
          }
        });
    server.start();
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/metrics");
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
