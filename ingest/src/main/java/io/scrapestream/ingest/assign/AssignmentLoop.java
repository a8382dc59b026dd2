package io.scrapestream.ingest.assign;

import io.scrapestream.core.config.ScraperAllocatorSettings;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls the allocator every {@code scraper.allocator.refresh_interval}, first at once, and applies
 * each assignment. A failed poll keeps the last assignment, is counted by reason and retried at the
 * next interval; it is logged when the state changes (failing, failing otherwise, answering again),
 * not at every poll. Nothing a poll meets ends the loop.
 */
public final class AssignmentLoop implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(AssignmentLoop.class);

  private final ScraperAllocatorSettings settings;
  private final AllocatorPoller poller;
  private final ScrapeAssignment assignment;
  private final AssignmentListener listener;
  private final ScheduledExecutorService executor;
  private String state = "";
  private int targets = -1;

  public AssignmentLoop(
      ScraperAllocatorSettings settings,
      AllocatorPoller poller,
      ScrapeAssignment assignment,
      AssignmentListener listener) {
    this.settings = settings;
    this.poller = poller;
    this.assignment = assignment;
    this.listener = listener;
    this.executor =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "allocator-poll");
              thread.setDaemon(true);
              return thread;
            });
  }

  /** Starts polling: now, then every refresh interval after the end of the previous poll. */
  public AssignmentLoop start() {
    long interval = settings.refreshInterval().toNanos();
    executor.scheduleWithFixedDelay(this::run, 0, interval, TimeUnit.NANOSECONDS);
    LOG.info(
        "polling allocator {} every {} as collector {}",
        settings.url(),
        settings.refreshInterval(),
        settings.collectorId());
    return this;
  }

  private void run() {
    try {
      pollOnce();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      LOG.error("polling allocator {} failed unexpectedly; retrying", settings.url(), e);
    }
  }

  /** Polls and applies once (the loop's step; tests call it directly). */
  public synchronized void pollOnce() throws InterruptedException {
    try {
      AllocatorPoller.Poll poll = poller.poll();
      int assigned = assignment.apply(poll.jobs());
      poll.problems().forEach(problem -> listener.failed(problem.reason()));
      listener.polled(assigned);
      report(poll.problems());
      if (assigned != targets) {
        LOG.info(
            "allocator {} assigns {} targets in {} jobs to collector {}",
            settings.url(),
            assigned,
            poll.jobs().size(),
            settings.collectorId());
        targets = assigned;
      }
    } catch (PollException e) {
      listener.failed(e.reason());
      report(List.of(e));
    }
  }

  /** Logs when the set of problems differs from the last poll's. */
  private void report(List<PollException> problems) {
    StringBuilder next = new StringBuilder();
    problems.forEach(p -> next.append(p.reason().label()).append(": ").append(p.getMessage()));
    if (next.toString().equals(state)) {
      return;
    }
    if (problems.isEmpty()) {
      LOG.info("allocator {} answers fully again", settings.url());
    } else {
      problems.forEach(
          p ->
              LOG.warn(
                  "polling allocator {} ({}): {}; keeping the last assignment of what failed",
                  settings.url(),
                  p.reason().label(),
                  p.getMessage()));
    }
    state = next.toString();
  }

  @Override
  public void close() throws InterruptedException {
    executor.shutdownNow();
    if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
      LOG.warn("allocator poll thread did not stop within 10s");
    }
  }
}
