package io.scrapestream.ingest.scrape;

import static org.assertj.core.api.Assertions.assertThat;

import io.scrapestream.core.target.ScrapeTarget;
import io.scrapestream.core.target.TargetKey;
import io.scrapestream.ingest.publish.BatchPublisher;
import io.scrapestream.schemas.v1.ScrapeBatch;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ScheduledFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Assignments that change at run time: slots kept, removed targets stopped, new ones started. */
@Timeout(30)
class ScrapeSchedulerAssignTest {
  private static final BatchPublisher DISCARD =
      new BatchPublisher() {
        @Override
        public boolean publish(ScrapeBatch batch) {
          return true;
        }

        @Override
        public void close() {}
      };
  private static final ScrapeJob JOB = Scrapes.job();

  @Test
  void shouldKeepSlotStopRemovedAndStartNewWhenAssignmentChanges() throws Exception {
    try (ScrapeScheduler scheduler =
        new ScrapeScheduler(DISCARD, ScrapeListener.NO_OP, Scrapes.CLOCK, 1)) {
      scheduler.assign(List.of(scraper("00000000000000a1", "x"), scraper("00000000000000a2", "x")));
      ScheduledFuture<?> stays = scheduler.scheduleOf("00000000000000a1").orElseThrow();
      ScheduledFuture<?> leaves = scheduler.scheduleOf("00000000000000a2").orElseThrow();

      scheduler.assign(List.of(scraper("00000000000000a1", "x"), scraper("00000000000000a3", "x")));

      assertThat(scheduler.scheduledKeys())
          .isEqualTo(Set.of("00000000000000a1", "00000000000000a3"));
      assertThat(scheduler.scheduleOf("00000000000000a1")).containsSame(stays);
      assertThat(stays.isCancelled()).isFalse();
      assertThat(leaves.isCancelled()).isTrue();
      assertThat(scheduler.scheduleOf("00000000000000a3").orElseThrow().isCancelled()).isFalse();
    }
  }

  @Test
  void shouldRestartTargetWhenItsSettingsChange() throws Exception {
    try (ScrapeScheduler scheduler =
        new ScrapeScheduler(DISCARD, ScrapeListener.NO_OP, Scrapes.CLOCK, 1)) {
      scheduler.assign(List.of(scraper("00000000000000a1", "x")));
      ScheduledFuture<?> before = scheduler.scheduleOf("00000000000000a1").orElseThrow();

      scheduler.assign(List.of(scraper("00000000000000a1", "y")));

      assertThat(before.isCancelled()).isTrue();
      Object after = scheduler.scheduleOf("00000000000000a1").orElseThrow();
      assertThat(after).isNotSameAs(before);
      assertThat(scheduler.scheduledKeys()).containsExactly("00000000000000a1");
    }
  }

  @Test
  void shouldRestartTargetWhenItsForcedErrorChanges() throws Exception {
    try (ScrapeScheduler scheduler =
        new ScrapeScheduler(DISCARD, ScrapeListener.NO_OP, Scrapes.CLOCK, 1)) {
      TargetScraper first = scraper("00000000000000a1", "x");
      scheduler.assign(List.of(first));
      ScheduledFuture<?> before = scheduler.scheduleOf("00000000000000a1").orElseThrow();

      scheduler.assign(List.of(new TargetScraper(first.target(), JOB, "target_limit exceeded")));

      assertThat(before.isCancelled()).isTrue();
      assertThat(scheduler.scheduleOf("00000000000000a1").orElseThrow().isCancelled()).isFalse();
    }
  }

  @Test
  void shouldRestartTargetWhenItsJobChanges() throws Exception {
    try (ScrapeScheduler scheduler =
        new ScrapeScheduler(DISCARD, ScrapeListener.NO_OP, Scrapes.CLOCK, 1)) {
      TargetScraper first = scraper("00000000000000a1", "x");
      scheduler.assign(List.of(first));
      ScheduledFuture<?> before = scheduler.scheduleOf("00000000000000a1").orElseThrow();

      scheduler.assign(List.of(new TargetScraper(first.target(), Scrapes.job())));

      assertThat(before.isCancelled()).isTrue();
      assertThat(scheduler.scheduleOf("00000000000000a1").orElseThrow().isCancelled()).isFalse();
    }
  }

  @Test
  void shouldStopEverythingWhenAssignmentIsEmpty() throws Exception {
    try (ScrapeScheduler scheduler =
        new ScrapeScheduler(DISCARD, ScrapeListener.NO_OP, Scrapes.CLOCK, 1)) {
      scheduler.schedule(List.of(scraper("00000000000000a1", "x")));
      ScheduledFuture<?> before = scheduler.scheduleOf("00000000000000a1").orElseThrow();

      scheduler.assign(List.of());

      assertThat(scheduler.scheduledKeys()).isEmpty();
      assertThat(before.isCancelled()).isTrue();
    }
  }

  /** A target on a closed port, scraped every hour, with label {@code team=<team>}. */
  private static TargetScraper scraper(String key, String team) {
    ScrapeTarget target =
        new ScrapeTarget(
            new TargetKey(key),
            "j",
            URI.create("http://127.0.0.1:1/metrics"),
            new TreeMap<>(Map.of("job", "j", "team", team)),
            Duration.ofHours(1),
            Duration.ofSeconds(1),
            false,
            true);
    return new TargetScraper(target, JOB);
  }
}
