package io.scrapestream.ingest.assign;

import io.scrapestream.core.config.ConfigException;
import io.scrapestream.core.config.ConfigLoader;
import io.scrapestream.core.config.ScrapeConfig;
import io.scrapestream.core.config.Secret;
import java.util.Map;

/**
 * Reads a job of {@code /scrape_configs} with the configuration reader every {@code scrape_config}
 * of the file goes through, so every key it knows works and every one it refuses is refused with
 * its path. JSON is YAML, so the job's JSON text is read as the one item of {@code scrape_configs}.
 * Nothing of the allocator's text is taken for an {@code ${env:...}} reference: the scraper's
 * environment is not the allocator's to read.
 */
final class JobConfigs {
  private static final String QUOTED_REDACTED = "\"" + Secret.REDACTED + "\"";

  private JobConfigs() {}

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
      return config;
    } catch (ConfigException e) {
      throw new PollException(
          PollFailure.INVALID_CONFIG,
          "job " + name + ": " + String.join("; ", e.problems()).replace("scrape_configs[0].", ""));
    }
  }
}
