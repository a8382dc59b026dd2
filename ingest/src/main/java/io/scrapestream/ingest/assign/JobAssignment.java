package io.scrapestream.ingest.assign;

import io.scrapestream.core.config.ScrapeConfig;
import io.scrapestream.core.target.ScrapeTarget;
import java.util.List;
import java.util.Objects;

/**
 * One job of an assignment: its scrape config, the text it was read from (two configs of one text
 * are the same job, so its scrape loops keep running), and the targets this scraper scrapes.
 */
public record JobAssignment(ScrapeConfig config, String source, List<ScrapeTarget> targets) {
  public JobAssignment {
    Objects.requireNonNull(config, "config must not be null");
    Objects.requireNonNull(source, "source must not be null");
    targets = List.copyOf(targets);
  }

  public String jobName() {
    return config.jobName();
  }
}
