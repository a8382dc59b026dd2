package io.scrapestream.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ExportOutcomeTest {

  @Test
  void shouldNameEachClassWhenAsked() {
    assertThat(new ExportOutcome.Success(3).outcomeClass()).isEqualTo("success");
    assertThat(new ExportOutcome.Retryable("timeout", Optional.empty()).outcomeClass())
        .isEqualTo("retryable");
    assertThat(new ExportOutcome.Rejected("bad", 400).outcomeClass()).isEqualTo("rejected");
  }

  @Test
  void shouldRefuseNegativeSamplesWhenSuccess() {
    assertThatThrownBy(() -> new ExportOutcome.Success(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("samples: must be >= 0. Found: -1");
  }

  @Test
  void shouldRefuseBlankReasonWhenRetryable() {
    assertThatThrownBy(() -> new ExportOutcome.Retryable(" ", Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("reason: must not be blank. Found:  ");
  }

  @Test
  void shouldRefuseNegativeRetryAfterWhenRetryable() {
    assertThatThrownBy(
            () -> new ExportOutcome.Retryable("slow down", Optional.of(Duration.ofSeconds(-1))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("retryAfter: must not be negative. Found: PT-1S");
  }

  @Test
  void shouldRefuseStatusOutsideHttpWhenRetryable() {
    assertThatThrownBy(() -> new ExportOutcome.Retryable("slow down", Optional.empty(), 99))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("status: must be an HTTP status (100-599) or 0 (no response). Found: 99");
  }

  @Test
  void shouldCarryNoStatusWhenRetryableWithoutResponse() {
    assertThat(new ExportOutcome.Retryable("no response within PT30S", Optional.empty()).status())
        .isEqualTo(ExportOutcome.Retryable.NO_RESPONSE)
        .isZero();
  }

  @Test
  void shouldRefuseStatusOutsideHttpWhenRejected() {
    assertThatThrownBy(() -> new ExportOutcome.Rejected("bad", 99))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("status: must be an HTTP status (100-599) or 0 (not sent). Found: 99");
  }

  @Test
  void shouldAcceptNotSentStatusWhenRejectedBeforeSending() {
    assertThat(
            new ExportOutcome.Rejected("invalid batch", ExportOutcome.Rejected.NOT_SENT).status())
        .isZero();
  }

  @Test
  void shouldKeepRejectedBatchesInIndexOrderWhenPartiallyRejected() {
    ExportOutcome.PartiallyRejected partial =
        new ExportOutcome.PartiallyRejected(4, new TreeMap<>(Map.of(3, "c", 1, "a")));

    assertThat(partial.outcomeClass()).isEqualTo("rejected");
    assertThat(partial.rejectedBatches()).containsExactly(Map.entry(1, "a"), Map.entry(3, "c"));
    assertThatThrownBy(() -> partial.rejectedBatches().put(5, "e"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void shouldRefuseEmptyMapOrNegativeIndexOrBlankReasonWhenPartiallyRejected() {
    assertThatThrownBy(() -> new ExportOutcome.PartiallyRejected(1, new TreeMap<>()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("rejectedBatches: must name at least one batch. Found: {}");
    assertThatThrownBy(() -> new ExportOutcome.PartiallyRejected(1, new TreeMap<>(Map.of(-1, "x"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("rejectedBatches: an index must be >= 0. Found: -1");
    assertThatThrownBy(() -> new ExportOutcome.PartiallyRejected(1, new TreeMap<>(Map.of(0, ""))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("reason: must not be blank. Found: ");
  }
}
