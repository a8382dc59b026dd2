package io.scrapestream.ingest.assign;

import io.scrapestream.core.config.ScrapeConfig;
import io.scrapestream.ingest.scrape.ScrapeJob;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * One {@link ScrapeJob} (HTTP client, limits, parsers) per job, kept while the job's config text
 * stays the same, so that the scheduler sees the same job and keeps its targets' scrape loops; a
 * changed text makes a new job, whose targets restart. A replaced or removed job's HTTP client is
 * closed, so its idle keep-alive connections do not linger. Not thread-safe.
 */
final class ScrapeJobs {
  private final Function<ScrapeConfig, ScrapeJob> factory;
  private final Map<String, Entry> byName = new HashMap<>();

  private record Entry(String source, ScrapeJob job) {}

  ScrapeJobs(Function<ScrapeConfig, ScrapeJob> factory) {
    this.factory = factory;
  }

  ScrapeJob of(JobAssignment job) {
    Entry entry = byName.get(job.jobName());
    if (entry == null || !entry.source().equals(job.source())) {
      if (entry != null) {
        entry.job().client().close();
      }
      entry = new Entry(job.source(), factory.apply(job.config()));
      byName.put(job.jobName(), entry);
    }
    return entry.job();
  }

  /** Forgets the jobs not named, closing their HTTP connections. */
  void retain(Set<String> names) {
    byName
        .entrySet()
        .removeIf(
            named -> {
              boolean gone = !names.contains(named.getKey());
              if (gone) {
                named.getValue().job().client().close();
              }
              return gone;
            });
  }
}
