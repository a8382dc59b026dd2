package io.scrapestream.ingest.scrape;

import static io.scrapestream.ingest.scrape.Scrapes.labelsOf;
import static io.scrapestream.ingest.scrape.Scrapes.seriesOf;
import static io.scrapestream.ingest.scrape.Scrapes.value;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.scrapestream.core.config.ScrapeHttpConfig;
import io.scrapestream.core.config.ScrapeLimits;
import io.scrapestream.core.target.ScrapeTarget;
import io.scrapestream.schemas.v1.ScrapeBatch;
import io.scrapestream.schemas.v1.ScrapeReport;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class TargetScraperTest {
  private final AtomicInteger requests = new AtomicInteger();
  private HttpServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop(0);
    }
  }

  @Test
  void shouldMergeTargetLabelsAndRenameConflictsWhenHonorLabelsIsOff() throws Exception {
    serve("text/plain; version=0.0.4", "m{job=\"exposed\",a=\"1\"} 2 1600000000000\n");

    ScrapeBatch batch = scraper(false, true).scrape();

    assertThat(labelsOf(batch, "m"))
        .isEqualTo(
            new TreeMap<>(
                Map.of(
                    "__name__",
                    "m",
                    "a",
                    "1",
                    "exported_job",
                    "exposed",
                    "job",
                    "j",
                    "instance",
                    "i",
                    "team",
                    "t")));
    assertThat(seriesOf(batch, "m").getTimestampMs()).isEqualTo(1600000000000L);
    assertThat(batch.getTimestampMs()).isEqualTo(1_700_000_000_000L);
  }

  @Test
  void shouldKeepExposedLabelsAndDropTimestampsWhenHonorLabelsOnAndHonorTimestampsOff()
      throws Exception {
    serve("text/plain; version=0.0.4", "m{job=\"exposed\"} 2 1600000000000\n");

    ScrapeBatch batch = scraper(true, false).scrape();

    assertThat(labelsOf(batch, "m"))
        .isEqualTo(
            new TreeMap<>(Map.of("__name__", "m", "job", "exposed", "instance", "i", "team", "t")));
    assertThat(seriesOf(batch, "m").hasTimestampMs()).isFalse();
  }

  @Test
  void shouldCarryTrackTimestampsStalenessToTheBatchWhenTheTargetHasIt() throws Exception {
    serve("text/plain; version=0.0.4", "m 2 1600000000000\n");
    ScrapeTarget plain = Scrapes.target(url(), false, true);
    ScrapeTarget tracking =
        new ScrapeTarget(
            plain.key(),
            plain.job(),
            plain.url(),
            plain.labels(),
            plain.interval(),
            plain.timeout(),
            false,
            true,
            true);

    ScrapeBatch batch = new TargetScraper(tracking, Scrapes.job()).scrape();

    assertThat(batch.getTarget().getTrackTimestampsStaleness()).isTrue();
    assertThat(scraper(false, true).scrape().getTarget().getTrackTimestampsStaleness()).isFalse();
  }

  @Test
  void shouldFailWithoutRequestWhenScraperHasForcedError() throws Exception {
    serve("text/plain; version=0.0.4", "a 1\n");
    List<String> limits = new java.util.ArrayList<>();
    ScrapeListener listener =
        new ScrapeListener() {
          @Override
          public void scraped(ScrapeTarget target, ScrapeReport report) {}

          @Override
          public void limitExceeded(ScrapeTarget target, ScrapeLimitKind kind) {
            limits.add(kind.label());
          }
        };
    ScrapeTarget target = Scrapes.target(url(), false, true);
    String error = "target_limit exceeded (number of targets: 3, limit: 2)";

    ScrapeBatch batch =
        new TargetScraper(
                target, Scrapes.job(ScrapeHttpConfig.DEFAULT, ScrapeLimits.NONE, listener), error)
            .scrape();

    assertThat(batch.getReport().getUp()).isFalse();
    assertThat(batch.getReport().getError()).isEqualTo(error);
    assertThat(value(batch, "up")).isEqualTo(0.0);
    assertThat(batch.getSeriesList()).hasSize(TargetScraper.SYNTHETIC_SERIES);
    assertThat(requests).hasValue(0);
    assertThat(limits).containsExactly("target");
  }

  @Test
  void shouldWriteSyntheticSeriesWhenScrapeSucceeds() throws Exception {
    serve("text/plain; version=0.0.4", "a 1\nb 2\n");

    ScrapeBatch batch = scraper(false, true).scrape();

    assertThat(value(batch, "up")).isEqualTo(1.0);
    assertThat(value(batch, "scrape_samples_scraped")).isEqualTo(2.0);
    assertThat(value(batch, "scrape_samples_post_metric_relabeling")).isEqualTo(2.0);
    assertThat(Scrapes.count(batch, "scrape_series_added")).isZero();
    assertThat(batch.getReport().getUp()).isTrue();
    assertThat(batch.getReport().getError()).isEmpty();
    assertThat(batch.getTarget().getKey()).isEqualTo("00000000000000aa");
  }

  @Test
  void shouldReportUpZeroWithReasonWhenConnectionIsRefused() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    ScrapeBatch batch =
        scraper(URI.create("http://127.0.0.1:" + port + "/metrics"), false, true).scrape();

    assertThat(batch.getReport().getUp()).isFalse();
    assertThat(batch.getReport().getError())
        .isEqualTo("Get \"http://127.0.0.1:" + port + "/metrics\": connect: connection refused");
    assertThat(value(batch, "up")).isEqualTo(0.0);
    assertThat(batch.getSeriesList()).hasSize(TargetScraper.SYNTHETIC_SERIES);
  }

  @Test
  void shouldFailScrapeAndKeepNoSamplesWhenBodyIsMalformed() throws Exception {
    serve("text/plain; version=0.0.4", "good 1\nbad{ 2\n");

    ScrapeBatch batch = scraper(false, true).scrape();

    assertThat(batch.getReport().getUp()).isFalse();
    assertThat(batch.getReport().getError()).startsWith("line 2, column ");
    assertThat(batch.getSeriesList()).hasSize(TargetScraper.SYNTHETIC_SERIES);
    assertThat(value(batch, "scrape_samples_scraped")).isEqualTo(1.0);
  }

  @Test
  void shouldFailScrapeWhenContentTypeIsUnsupported() throws Exception {
    serve("application/json", "{}");

    ScrapeBatch batch = scraper(false, true).scrape();

    assertThat(batch.getReport().getError())
        .isEqualTo(
            "received unsupported Content-Type \"application/json\" and no"
                + " fallback_scrape_protocol specified for target");
  }

  @Test
  void shouldReportHttpStatusWhenTargetAnswers500() throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/metrics",
        exchange -> {
          exchange.sendResponseHeaders(500, -1);
          exchange.close();
        });
    server.start();

    ScrapeBatch batch = scraper(false, true).scrape();

    assertThat(batch.getReport().getError())
        .isEqualTo("server returned HTTP status 500 Internal Server Error");
  }

  private void serve(String contentType, String body) throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/metrics",
        exchange -> {
          requests.incrementAndGet();
          byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", contentType);
          exchange.sendResponseHeaders(200, bytes.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
          }
        });
    server.start();
  }

  private TargetScraper scraper(boolean honorLabels, boolean honorTimestamps) {
    return scraper(url(), honorLabels, honorTimestamps);
  }

  private URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/metrics");
  }

  private static TargetScraper scraper(URI url, boolean honorLabels, boolean honorTimestamps) {
    return new TargetScraper(Scrapes.target(url, honorLabels, honorTimestamps), Scrapes.job());
  }
}
