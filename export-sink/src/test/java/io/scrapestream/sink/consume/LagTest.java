package io.scrapestream.sink.consume;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class LagTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-21T10:00:00Z"), ZoneOffset.UTC);
  private static final long NOW = CLOCK.millis();

  @Test
  void shouldAddRecordsAndTakeTheOldestSampleWhenPartitionsHoldUncommittedRecords() {
    Lag lag =
        Lag.of(
            List.of(
                new Lag.Partition(120, 100, OptionalLong.of(NOW - 7_250)),
                new Lag.Partition(50, 45, OptionalLong.of(NOW - 90_500)),
                new Lag.Partition(10, 10, OptionalLong.empty())),
            CLOCK.instant());

    assertThat(lag).isEqualTo(new Lag(25, Duration.ofMillis(90_500)));
  }

  @Test
  void shouldBeZeroWhenNothingIsReadAndUncommitted() {
    Lag lag =
        Lag.of(
            List.of(
                new Lag.Partition(500, 500, OptionalLong.empty()),
                new Lag.Partition(7, 7, OptionalLong.empty())),
            CLOCK.instant());

    assertThat(lag).isEqualTo(new Lag(0, Duration.ZERO));
  }

  @Test
  void shouldCountRecordsNotFetchedYetButNoAgeWhenAPartitionIsBehindAndIdle() {
    Lag lag = Lag.of(List.of(new Lag.Partition(1_000, 400, OptionalLong.empty())), CLOCK.instant());

    assertThat(lag).isEqualTo(new Lag(600, Duration.ZERO));
  }

  @Test
  void shouldNeverBeNegativeWhenScrapeTimesAreAheadOfTheClock() {
    Lag lag =
        Lag.of(List.of(new Lag.Partition(3, 5, OptionalLong.of(NOW + 60_000))), CLOCK.instant());

    assertThat(lag).isEqualTo(new Lag(0, Duration.ZERO));
  }
}
