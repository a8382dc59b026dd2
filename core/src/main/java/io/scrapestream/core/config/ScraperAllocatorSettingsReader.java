package io.scrapestream.core.config;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Reads {@code scraper.allocator}: {@code url} (required), {@code collector_id}, {@code
 * refresh_interval}, {@code timeout} and the HTTP keys of Prometheus's {@code http_config}.
 */
final class ScraperAllocatorSettingsReader {
  /** The variable Kubernetes pods usually get from {@code metadata.name}. */
  static final String POD_NAME = "POD_NAME";

  private ScraperAllocatorSettingsReader() {}

  static Optional<ScraperAllocatorSettings> read(
      MappingReader m, Map<String, String> env, String scraperId) {
    Optional<URI> url = m.required("url", ConfigRules.HTTP_URL).map(URI::create);
    url = url.filter(u -> withoutQuery(m, u));
    String collectorId =
        m.string("collector_id", defaultCollectorId(env, scraperId), ConfigRules.SCRAPER_ID);
    Duration refresh =
        m.duration(
            "refresh_interval",
            ScraperAllocatorSettings.DEFAULT_REFRESH_INTERVAL,
            ConfigRules.POSITIVE_DURATION);
    Duration timeout = timeout(m, refresh);
    ScrapeHttpConfig http = ScrapeHttpConfigReader.read(m);
    m.finish();
    return url.map(u -> new ScraperAllocatorSettings(u, collectorId, refresh, timeout, http));
  }

  /** {@code $POD_NAME} when set and valid, else the scraper's id. */
  static String defaultCollectorId(Map<String, String> env, String scraperId) {
    String pod = env.get(POD_NAME);
    return pod != null && ConfigRules.SCRAPER_ID.test().test(pod) ? pod : scraperId;
  }

  private static boolean withoutQuery(MappingReader m, URI url) {
    if (url.getRawQuery() == null && url.getRawFragment() == null) {
      return true;
    }
    m.problem("url", "must not have a query or fragment", ConfigProblems.quote(url.toString()));
    return false;
  }

  /** The written timeout, else 10s capped to the refresh interval. */
  private static Duration timeout(MappingReader m, Duration refresh) {
    Optional<Duration> written = m.optionalDuration("timeout", ConfigRules.POSITIVE_DURATION);
    if (written.isPresent() && written.get().compareTo(refresh) > 0) {
      m.problem(
          "timeout",
          "must not exceed refresh_interval (" + PrometheusDuration.format(refresh) + ")",
          PrometheusDuration.format(written.get()));
      return refresh;
    }
    Duration fallback = ScraperAllocatorSettings.DEFAULT_TIMEOUT;
    return written.orElse(fallback.compareTo(refresh) > 0 ? refresh : fallback);
  }
}
