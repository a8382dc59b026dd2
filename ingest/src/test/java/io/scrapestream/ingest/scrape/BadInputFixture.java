package io.scrapestream.ingest.scrape;

import static io.scrapestream.ingest.scrape.Scrapes.value;
import static org.assertj.core.api.Assertions.assertThat;

import io.scrapestream.core.config.ScrapeHttpConfig;
import io.scrapestream.core.config.ScrapeLimits;
import io.scrapestream.schemas.v1.ScrapeBatch;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;

/**
 * What the bad-input tests share: loopback targets, a recording listener, and the two checks of the
 * issue: the scrape fails cleanly with its exact error in the report, and a scrape of another
 * target right after succeeds with a job of the same settings (no thread is stuck).
 */
abstract class BadInputFixture {
  static final String TEXT = "text/plain; version=0.0.4";
  static final String OPENMETRICS = "application/openmetrics-text; version=1.0.0";

  final TestServers servers = new TestServers();
  final RecordingListener listener = new RecordingListener();

  @AfterEach
  void stopServers() {
    servers.close();
  }

  ScrapeBatch scrape(URI url) throws InterruptedException {
    return scrape(url, ScrapeHttpConfig.DEFAULT, ScrapeLimits.NONE, Duration.ofSeconds(5));
  }

  ScrapeBatch scrape(URI url, ScrapeLimits limits) throws InterruptedException {
    return scrape(url, ScrapeHttpConfig.DEFAULT, limits, Duration.ofSeconds(5));
  }

  ScrapeBatch scrape(URI url, ScrapeHttpConfig http, ScrapeLimits limits, Duration timeout)
      throws InterruptedException {
    ScrapeJob job = Scrapes.job(http, limits, listener);
    return new TargetScraper(Scrapes.target(url, timeout, false, true), job).scrape();
  }

  /** {@code up 0} with exactly this error, and no series but the synthetic ones. */
  static void assertDown(ScrapeBatch batch, String error) {
    assertThat(batch.getReport().getError()).isEqualTo(error);
    assertThat(batch.getReport().getUp()).isFalse();
    assertThat(value(batch, "up")).isEqualTo(0.0);
    assertThat(batch.getSeriesCount()).isEqualTo(TargetScraper.SYNTHETIC_SERIES);
  }

  /** No thread is stuck: a good target scrapes at once with a job of the same settings. */
  void assertNextTargetScrapes() throws InterruptedException {
    ScrapeBatch next = scrape(servers.serve(TEXT, "next 1\n"));

    assertThat(next.getReport().getError()).isEmpty();
    assertThat(value(next, "next")).isEqualTo(1.0);
  }
}
