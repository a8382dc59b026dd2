package io.scrapestream.sink.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class ReplayProgressTest {
  private static final TopicPartition P0 = new TopicPartition("t", 0);
  private static final TopicPartition P1 = new TopicPartition("t", 1);
  private static final ReplayWindow WINDOW =
      new ReplayWindow(Map.of(P0, 100L, P1, 0L), Map.of(P0, 200L, P1, 300L));

  @Test
  void shouldMeasureTheWindowDoneByCommittedOffsetsCappedAtTheEndsWhenPartitionsProgress() {
    assertThat(WINDOW.total()).isEqualTo(400);
    assertThat(WINDOW.fraction(Map.of())).isEqualTo(0.0);
    assertThat(WINDOW.fraction(Map.of(P0, 150L))).isEqualTo(0.125);
    assertThat(WINDOW.fraction(Map.of(P0, 250L, P1, 100L))).isEqualTo(0.5);
    assertThat(WINDOW.fraction(Map.of(P0, 200L, P1, 300L))).isEqualTo(1.0);
  }

  @Test
  void shouldBeDoneWhenTheWindowIsEmpty() {
    ReplayWindow empty = new ReplayWindow(Map.of(P0, 5L), Map.of(P0, 5L));

    assertThat(empty.total()).isZero();
    assertThat(empty.fraction(Map.of())).isEqualTo(1.0);
  }

  @Test
  void shouldEstimateTheTimeLeftFromTheSpeedSoFarWhenSomethingIsDone() {
    ReplayProgress quarter = new ReplayProgress(10, 100, 90, 0.25, Duration.ofSeconds(30));
    ReplayProgress nothing = new ReplayProgress(0, 0, 0, 0.0, Duration.ofSeconds(30));

    assertThat(quarter.eta()).contains(Duration.ofSeconds(90));
    assertThat(nothing.eta()).isEqualTo(Optional.empty());
  }

  @Test
  void shouldRefuseAWindowThatEndsBeforeItStartsWhenRequested() {
    Instant from = Instant.parse("2026-11-21T10:00:00Z");

    assertThatThrownBy(
            () ->
                new ReplayRequest(
                    "prom",
                    "samples.enriched",
                    from,
                    Optional.of(from.minusSeconds(1)),
                    Duration.ofMinutes(10)))
        .isInstanceOf(InvalidReplayException.class)
        .hasMessage(
            "--to: must be after --from (2026-11-21T10:00:00Z). Found: 2026-11-21T09:59:59Z");
  }

  @Test
  void shouldNameTheGroupAfterTheBackendAndTheStartWhenReplaying() {
    assertThat(Replay.groupId("prom", Instant.parse("2026-11-21T10:00:05.123Z")))
        .isEqualTo("scrapestream-replay-prom-20261121T100005Z");
  }
}
