package io.scrapestream.testsupport.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.scrapestream.testsupport.faults.RetryWaits.Kind;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetryWaitsTest {
  private static final long MS = 1_000_000;
  private static final Instant T0 = Instant.parse("2026-11-21T06:00:00Z");
  private final RetryWaits waits = new RetryWaits(Duration.ofMillis(250), Duration.ofMillis(100));

  @Test
  void shouldNameEveryRetryThatCameBeforeItsHeaderWhenCheckingWaits() {
    List<RemoteWriteExchange> exchanges =
        List.of(
            refusal(Optional.of("2"), 0, 1),
            accepted(1_500, 1),
            refusal(Optional.of("Sat, 21 Nov 2026 06:00:13 GMT"), 10_000, 2),
            accepted(13_000, 2),
            refusal(Optional.empty(), 20_000, 3),
            accepted(20_100, 3),
            refusal(Optional.of("soon, please"), 30_000, 4),
            accepted(30_900, 4),
            refusal(Optional.of("Sat, 21 Nov 2026 06:00:45 GMT"), 40_000, 5),
            accepted(44_000, 5));

    assertThat(waits.early(exchanges))
        .containsExactly(
            "Retry-After 2: retried after 1500 ms",
            "Retry-After (none): retried after 100 ms",
            "Retry-After Sat, 21 Nov 2026 06:00:45 GMT: retried after 4000 ms");
    assertThat(RetryWaits.shortest(exchanges))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                Kind.SECONDS,
                1500L,
                Kind.HTTP_DATE,
                3000L,
                Kind.MISSING,
                100L,
                Kind.GARBAGE,
                900L));
  }

  @Test
  void shouldClassifyHeaderWhenItIsSecondsDateMissingOrGarbage() {
    assertThat(Kind.of(Optional.of("120"))).isEqualTo(Kind.SECONDS);
    assertThat(Kind.of(Optional.of("Wed, 21 Oct 2015 07:28:00 GMT"))).isEqualTo(Kind.HTTP_DATE);
    assertThat(Kind.of(Optional.empty())).isEqualTo(Kind.MISSING);
    assertThat(Kind.of(Optional.of("-1"))).isEqualTo(Kind.GARBAGE);
  }

  private static RemoteWriteExchange refusal(Optional<String> retryAfter, long atMs, int body) {
    return new RemoteWriteExchange(
        429, retryAfter, atMs * MS, T0.plusMillis(atMs), atMs * MS, body);
  }

  private static RemoteWriteExchange accepted(long atMs, int body) {
    return new RemoteWriteExchange(
        204, Optional.empty(), atMs * MS, T0.plusMillis(atMs), atMs * MS, body);
  }
}
