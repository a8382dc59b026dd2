package io.scrapestream.ingest.assign;

import io.scrapestream.core.config.ScrapeConfig;
import io.scrapestream.core.target.ScrapeTarget;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * One poll of the allocator as the OTel Collector's prometheus receiver makes it: {@code
 * /scrape_configs}, then each job's targets for this collector, with final labels. A job whose
 * config or targets cannot be read keeps what it had at the last poll that read it (and is
 * reported); a job the allocator no longer serves is dropped. A job whose config text is unchanged
 * is not read again. Not thread-safe: one poll at a time.
 */
public final class AllocatorPoller {
  private final AllocatorApi api;
  private Map<String, JobAssignment> lastGood = new LinkedHashMap<>();

  public AllocatorPoller(AllocatorApi api) {
    this.api = api;
  }

  /**
   * What one poll read: the jobs of the allocator (each as read now, or as last read), and the
   * problems of the jobs and targets it could not read.
   */
  public record Poll(List<JobAssignment> jobs, List<PollException> problems) {
    public Poll {
      jobs = List.copyOf(jobs);
      problems = List.copyOf(problems);
    }
  }

  /**
   * Polls once; throws, keeping everything as it was, when {@code /scrape_configs} cannot be read.
   */
  public Poll poll() throws PollException, InterruptedException {
    Map<String, String> jobs = AssignmentJson.jobs(api.scrapeConfigs());
    Map<String, JobAssignment> next = new LinkedHashMap<>();
    List<PollException> problems = new ArrayList<>();
    for (Map.Entry<String, String> job : jobs.entrySet()) {
      try {
        next.put(job.getKey(), job(job.getKey(), job.getValue(), problems));
      } catch (PollException e) {
        problems.add(e);
        JobAssignment previous = lastGood.get(job.getKey());
        if (previous != null) {
          next.put(job.getKey(), previous);
        }
      }
    }
    lastGood = next;
    return new Poll(List.copyOf(next.values()), problems);
  }

  private JobAssignment job(String name, String json, List<PollException> problems)
      throws PollException, InterruptedException {
    JobAssignment previous = lastGood.get(name);
    ScrapeConfig config =
        previous != null && previous.source().equals(json)
            ? previous.config()
            : JobConfigs.read(name, json);
    List<ScrapeTarget> targets = new ArrayList<>();
    for (SortedMap<String, String> labels : AssignmentJson.targets(name, api.targets(name))) {
      try {
        targets.add(AssignedTargets.of(config, labels));
      } catch (PollException e) {
        problems.add(e);
      }
    }
    return new JobAssignment(config, json, targets);
  }
}
