package io.scrapestream.ingest.scrape;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class MissedTicksTest {
  private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

  @Test
  void shouldSkipTheCatchUpRunsWhenAFixedRateScheduleFiresThemBackToBack() {
    ScrapeScheduler.MissedTicks ticks = new ScrapeScheduler.MissedTicks(SECOND);

    boolean first = ticks.onTime(0);
    boolean stalledThenLate = ticks.onTime(5 * SECOND);
    boolean catchUp1 = ticks.onTime(5 * SECOND + 1_000);
    boolean catchUp2 = ticks.onTime(5 * SECOND + 2_000);
    boolean next = ticks.onTime(6 * SECOND);

    assertThat(new boolean[] {first, stalledThenLate, catchUp1, catchUp2, next})
        .containsExactly(true, true, false, false, true);
  }

  @Test
  void shouldRunEveryTickWhenTheyComeOnSchedule() {
    ScrapeScheduler.MissedTicks ticks = new ScrapeScheduler.MissedTicks(SECOND);

    assertThat(ticks.onTime(0)).isTrue();
    assertThat(ticks.onTime(SECOND - SECOND / 10)).isTrue();
    assertThat(ticks.onTime(2 * SECOND)).isTrue();
  }
}
