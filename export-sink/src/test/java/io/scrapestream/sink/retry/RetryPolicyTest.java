package io.scrapestream.sink.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
  private static final RetryPolicy POLICY =
      new RetryPolicy(10, Duration.ofMillis(100), Duration.ofSeconds(1), 2.0, 0.2);

  @Test
  void shouldGrowExponentiallyUpToMaxBackoffWhenRandomIsZero() {
    List<Duration> delays =
        IntStream.rangeClosed(1, 6)
            .mapToObj(retry -> POLICY.delayBefore(retry, Optional.empty(), 0.0))
            .toList();

    assertThat(delays)
        .containsExactly(
            Duration.ofMillis(100),
            Duration.ofMillis(200),
            Duration.ofMillis(400),
            Duration.ofMillis(800),
            Duration.ofSeconds(1),
            Duration.ofSeconds(1));
  }

  @Test
  void shouldShortenByJitterTimesRandomWhenRandomIsPositive() {
    assertThat(POLICY.delayBefore(2, Optional.empty(), 0.5)).isEqualTo(Duration.ofMillis(180));
    assertThat(POLICY.delayBefore(9, Optional.empty(), 0.75)).isEqualTo(Duration.ofMillis(850));
  }

  @Test
  void shouldWaitRetryAfterWithoutJitterWhenReceiverAsksForIt() {
    assertThat(POLICY.delayBefore(1, Optional.of(Duration.ofMillis(700)), 0.9))
        .isEqualTo(Duration.ofMillis(700));
  }

  @Test
  void shouldCapRetryAfterAtMaxBackoffWhenItIsLonger() {
    assertThat(POLICY.delayBefore(1, Optional.of(Duration.ofMinutes(5)), 0.0))
        .isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void shouldReportEveryProblemWhenPolicyIsInvalid() {
    assertThatThrownBy(
            () -> new RetryPolicy(0, Duration.ofSeconds(2), Duration.ofSeconds(1), 0.5, 1.5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "invalid retry policy: maxAttempts: must be >= 1. Found: 0; maxBackoff: must be >="
                + " initialBackoff (PT2S). Found: PT1S; multiplier: must be a finite number >= 1."
                + " Found: 0.5; jitter: must be between 0 and 1. Found: 1.5");
  }

  @Test
  void shouldRefuseMissingDurationsAndNanWhenConstructed() {
    assertThatThrownBy(() -> new RetryPolicy(1, null, null, Double.NaN, Double.NaN))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "invalid retry policy: initialBackoff: must be positive. Found: null; maxBackoff: must"
                + " be >= initialBackoff (null). Found: null; multiplier: must be a finite number"
                + " >= 1. Found: NaN; jitter: must be between 0 and 1. Found: NaN");
  }

  @Test
  void shouldRefuseRetryNumberWhenBelowOne() {
    assertThatThrownBy(() -> POLICY.delayBefore(0, Optional.empty(), 0.0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("retry: must be >= 1. Found: 0");
  }

  @Test
  void shouldRefuseRandomWhenOutsideUnitInterval() {
    assertThatThrownBy(() -> POLICY.delayBefore(1, Optional.empty(), 1.0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("random: must be in [0, 1). Found: 1.0");
  }

  @Test
  void shouldBeValidWhenDefaults() {
    assertThat(RetryPolicy.defaults())
        .isEqualTo(new RetryPolicy(5, Duration.ofSeconds(1), Duration.ofSeconds(5), 1.5, 0.2));
  }

  @Test
  void shouldPauseFromHalfASecondDoublingUpToThirtySecondsWhenPausing() {
    RetryPolicy pausing = RetryPolicy.pausing();

    assertThat(pausing.maxAttempts()).isEqualTo(Integer.MAX_VALUE);
    assertThat(
            IntStream.of(1, 2, 6, 7, 1000)
                .mapToObj(retry -> pausing.delayBefore(retry, Optional.empty(), 0.0))
                .toList())
        .containsExactly(
            Duration.ofMillis(500),
            Duration.ofSeconds(1),
            Duration.ofSeconds(16),
            Duration.ofSeconds(30),
            Duration.ofSeconds(30));
    assertThat(pausing.delayBefore(3, Optional.empty(), 0.999)).isEqualTo(Duration.ofMillis(1001));
  }
}
