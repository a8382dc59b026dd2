package io.scrapestream.ingest.scrape;

import io.scrapestream.core.batch.BatchRecords;
import io.scrapestream.core.config.ScrapeFormat;
import io.scrapestream.core.config.ScrapeHttpConfig;
import io.scrapestream.core.config.ScrapeLimits;
import io.scrapestream.core.target.ScrapeTarget;
import io.scrapestream.core.target.TargetKey;
import io.scrapestream.schemas.v1.ScrapeBatch;
import io.scrapestream.schemas.v1.Series;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** Targets, jobs and batch lookups shared by the scrape tests. */
final class Scrapes {
  static final long NOW_MS = 1_700_000_000_000L;
  static final Clock CLOCK = Clock.fixed(Instant.ofEpochMilli(NOW_MS), ZoneOffset.UTC);

  private Scrapes() {}

  /** Target {@code j}/{@code i} with label {@code team=t}, 5s interval and timeout. */
  static ScrapeTarget target(URI url, boolean honorLabels, boolean honorTimestamps) {
    return target(url, Duration.ofSeconds(5), honorLabels, honorTimestamps);
  }

  static ScrapeTarget target(
      URI url, Duration timeout, boolean honorLabels, boolean honorTimestamps) {
    return new ScrapeTarget(
        new TargetKey("00000000000000aa"),
        "j",
        url,
        new TreeMap<>(Map.of("job", "j", "instance", "i", "team", "t")),
        Duration.ofSeconds(5).compareTo(timeout) < 0 ? timeout : Duration.ofSeconds(5),
        timeout,
        honorLabels,
        honorTimestamps);
  }

  static ScrapeJob job(ScrapeHttpConfig http, ScrapeLimits limits, ScrapeListener listener) {
    return new ScrapeJob(
        new ScrapeClient(http, "test", Map.of()),
        limits,
        ScrapeFormat.DEFAULT,
        listener,
        CLOCK,
        "scraper-0");
  }

  static ScrapeJob job() {
    return job(ScrapeHttpConfig.DEFAULT, ScrapeLimits.NONE, ScrapeListener.NO_OP);
  }

  static Series seriesOf(ScrapeBatch batch, String name) {
    return batch.getSeriesList().stream()
        .filter(s -> name.equals(BatchRecords.labels(batch, s).get("__name__")))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no series " + name + " in " + batch));
  }

  static SortedMap<String, String> labelsOf(ScrapeBatch batch, String name) {
    return BatchRecords.labels(batch, seriesOf(batch, name));
  }

  static double value(ScrapeBatch batch, String name) {
    return Double.longBitsToDouble(seriesOf(batch, name).getValueBits());
  }

  /** How many series of the batch are named {@code name}. */
  static long count(ScrapeBatch batch, String name) {
    return batch.getSeriesList().stream()
        .filter(s -> name.equals(BatchRecords.labels(batch, s).get("__name__")))
        .count();
  }
}
