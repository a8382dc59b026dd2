package io.scrapestream.ingest.scrape;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.scrapestream.core.batch.BatchRecords;
import io.scrapestream.core.target.ScrapeTarget;
import io.scrapestream.core.target.TargetKey;
import io.scrapestream.schemas.v1.ScrapeBatch;
import io.scrapestream.schemas.v1.Series;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class TargetScraperTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.ofEpochMilli(1_700_000_000_000L), ZoneOffset.UTC);
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
  void shouldWriteSyntheticSeriesWhenScrapeSucceeds() throws Exception {
    serve("text/plain; version=0.0.4", "a 1\nb 2\n");

    ScrapeBatch batch = scraper(false, true).scrape();

    assertThat(value(batch, "up")).isEqualTo(1.0);
    assertThat(value(batch, "scrape_samples_scraped")).isEqualTo(2.0);
    assertThat(value(batch, "scrape_samples_post_metric_relabeling")).isEqualTo(2.0);
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
    assertThat(batch.getReport().getError()).startsWith("ConnectException");
    assertThat(value(batch, "up")).isEqualTo(0.0);
    assertThat(batch.getSeriesList()).hasSize(4);
  }

  @Test
  void shouldFailScrapeAndKeepNoSamplesWhenBodyIsMalformed() throws Exception {
    serve("text/plain; version=0.0.4", "good 1\nbad{ 2\n");

    ScrapeBatch batch = scraper(false, true).scrape();

    assertThat(batch.getReport().getUp()).isFalse();
    assertThat(batch.getReport().getError()).startsWith("line 2, column ");
    assertThat(batch.getSeriesList()).hasSize(4);
    assertThat(value(batch, "scrape_samples_scraped")).isEqualTo(0.0);
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

    assertThat(batch.getReport().getError()).isEqualTo("server returned HTTP status 500");
  }

  private void serve(String contentType, String body) throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/metrics",
        exchange -> {
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
    return scraper(
        URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/metrics"),
        honorLabels,
        honorTimestamps);
  }

  private static TargetScraper scraper(URI url, boolean honorLabels, boolean honorTimestamps) {
    ScrapeTarget target =
        new ScrapeTarget(
            new TargetKey("00000000000000aa"),
            "j",
            url,
            new TreeMap<>(Map.of("job", "j", "instance", "i", "team", "t")),
            Duration.ofSeconds(5),
            Duration.ofSeconds(5),
            honorLabels,
            honorTimestamps);
    return new TargetScraper(target, new ScrapeClient("test"), CLOCK, "scraper-0");
  }

  private static Series seriesOf(ScrapeBatch batch, String name) {
    return batch.getSeriesList().stream()
        .filter(s -> name.equals(BatchRecords.labels(batch, s).get("__name__")))
        .findFirst()
        .orElseThrow();
  }

  private static SortedMap<String, String> labelsOf(ScrapeBatch batch, String name) {
    return BatchRecords.labels(batch, seriesOf(batch, name));
  }

  private static double value(ScrapeBatch batch, String name) {
    return Double.longBitsToDouble(seriesOf(batch, name).getValueBits());
  }
}
