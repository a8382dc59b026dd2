package io.scrapestream.ingest.assign;

import io.scrapestream.core.config.ScrapeConfig;
import io.scrapestream.core.target.StaticTargets;
import io.scrapestream.ingest.scrape.ScrapeJob;
import io.scrapestream.ingest.scrape.ScrapeScheduler;
import io.scrapestream.ingest.scrape.TargetScraper;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Makes the scheduler scrape what the allocator assigned plus the scraper's own {@code
 * scrape_configs}: a job of the file whose name the allocator also serves is the allocator's (its
 * targets come from the allocator, split among scrapers); the file's other jobs are scraped from
 * their {@code static_configs} by this scraper, as the OTel Collector's receiver combines its own
 * jobs with the allocator's. Thread-safe.
 */
public final class ScrapeAssignment {
  /** The source text of the file's jobs, which do not change while the scraper runs. */
  static final String LOCAL_SOURCE = "local";

  private final ScrapeScheduler scheduler;
  private final List<ScrapeConfig> localJobs;
  private final ScrapeJobs jobs;

  public ScrapeAssignment(
      ScrapeScheduler scheduler,
      List<ScrapeConfig> localJobs,
      Function<ScrapeConfig, ScrapeJob> jobFactory) {
    this.scheduler = scheduler;
    this.localJobs = List.copyOf(localJobs);
    this.jobs = new ScrapeJobs(jobFactory);
  }

  /** Assigns the allocated jobs and the local ones; returns how many targets are scheduled. */
  public synchronized int apply(List<JobAssignment> allocated) {
    List<JobAssignment> all = combine(allocated, localJobs);
    Set<String> names = new HashSet<>();
    List<TargetScraper> scrapers = new ArrayList<>();
    for (JobAssignment job : all) {
      names.add(job.jobName());
      ScrapeJob scrapeJob = jobs.of(job);
      String forced = targetLimitError(job.config().limits().targetLimit(), job.targets().size());
      job.targets().forEach(target -> scrapers.add(new TargetScraper(target, scrapeJob, forced)));
    }
    jobs.retain(names);
    scheduler.assign(scrapers);
    return scrapers.size();
  }

  /**
   * Prometheus's error for a scrape pool over its {@code target_limit} (0: none), which every
   * target of the pool then reports; empty within the limit. The pool is the job's targets on this
   * scraper, as for an OTel Collector fed by a Target Allocator.
   */
  static String targetLimitError(int limit, int targets) {
    return limit > 0 && targets > limit
        ? "target_limit exceeded (number of targets: %d, limit: %d)".formatted(targets, limit)
        : "";
  }

  /** The allocated jobs, then the local jobs the allocator does not serve. Pure. */
  static List<JobAssignment> combine(List<JobAssignment> allocated, List<ScrapeConfig> local) {
    List<JobAssignment> all = new ArrayList<>(allocated);
    Set<String> served = new HashSet<>();
    allocated.forEach(job -> served.add(job.jobName()));
    for (ScrapeConfig job : local) {
      if (!served.contains(job.jobName())) {
        all.add(new JobAssignment(job, LOCAL_SOURCE, StaticTargets.of(job)));
      }
    }
    return all;
  }
}
