package io.scrapestream.ingest.assign;

import io.scrapestream.core.config.ConfigException;
import io.scrapestream.core.config.ConfigLoader;
import io.scrapestream.core.config.ScrapeConfig;
import io.scrapestream.core.config.Secret;
import java.net.URI;
import java.util.Map;

/**
 * Reads a job of {@code /scrape_configs} with the configuration reader every {@code scrape_config}
 * of the file goes through, so every key it knows works and every one it refuses is refused with
 * its path. JSON is YAML, so the job's JSON text is read as the one item of {@code scrape_configs}.
 * Nothing of the allocator's text is taken for an {@code ${env:...}} reference: the scraper's
 * environment is not the allocator's to read. A job whose secrets the allocator redacted is
 * refused.
 */
final class JobConfigs {
  private static final String QUOTED_REDACTED = "\"" + Secret.REDACTED + "\"";
  private static final String REDACTED_PASSWORD = "xxxxx";

  private JobConfigs() {}

  /**
   * A {@code proxy_url} password comes redacted as Go's {@code URL.Redacted} writes it ({@code
   * xxxxx}), not as {@code <secret>}.
   */
  private static void refuseRedactedProxyPassword(String name, ScrapeConfig config)
      throws PollException {
    String userInfo = config.http().proxy().url().map(URI::getRawUserInfo).orElse("");
    if (userInfo.endsWith(":" + REDACTED_PASSWORD)) {
      throw new PollException(
          PollFailure.REDACTED_SECRET,
          "job "
              + name
              + ": the allocator redacted the proxy_url password as "
              + REDACTED_PASSWORD
              + " (serve secrets over HTTPS with an API token or client certificate)");
    }
  }

  /** The job {@code name} as {@code json} defines it. */
  static ScrapeConfig read(String name, String json) throws PollException {
    if (json.contains(QUOTED_REDACTED)) {
      throw new PollException(
          PollFailure.REDACTED_SECRET,
          "job "
              + name
              + ": the allocator redacted a credential as "
              + Secret.REDACTED
              + " (serve secrets over HTTPS with an API token or client certificate)");
    }
    String yaml =
        "scraper: {id: allocator-job}\nscrape_configs:\n  - " + json.replace("${env:", "$${env:");
    try {
      ScrapeConfig config =
          ConfigLoader.load(yaml, "/scrape_configs", Map.of()).scrapeConfigs().get(0);
      if (!config.jobName().equals(name)) {
        throw new PollException(
            PollFailure.INVALID_CONFIG,
            "job "
                + name
                + ": job_name must be the job's key. Found: \""
                + config.jobName()
                + "\"");
      }
      refuseRedactedProxyPassword(name, config);
      return config;
    } catch (ConfigException e) {
      throw new PollException(
          PollFailure.INVALID_CONFIG,
          "job " + name + ": " + String.join("; ", e.problems()).replace("scrape_configs[0].", ""));
    }
  }
}
