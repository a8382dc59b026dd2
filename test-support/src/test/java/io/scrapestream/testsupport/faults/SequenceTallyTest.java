package io.scrapestream.testsupport.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SequenceTallyTest {
  @Test
  void shouldCountMissingDuplicatedAndUnexpectedWhenStoreDiffersFromExpected() {
    SequenceTally tally =
        SequenceTally.of(
            Set.of("a/s0/1", "a/s0/2", "a/s0/3"), Map.of("a/s0/1", 1L, "a/s0/2", 3L, "a/s0/9", 1L));

    assertThat(tally.expected()).isEqualTo(3);
    assertThat(tally.missing()).containsExactly("a/s0/3");
    assertThat(tally.lost()).isEqualTo(1);
    assertThat(tally.duplicated()).isEqualTo(2);
    assertThat(tally.unexpected()).containsExactly("a/s0/9");
    assertThat(tally.line("x", 1.5, 7).line()).isEqualTo("x, 3, 1, 2, 1.5, 7");
  }

  @Test
  void shouldRejectTallyWhenMoreAreMissingThanExpected() {
    assertThatThrownBy(() -> new SequenceTally(0, Set.of("a/s0/1"), 0, Set.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "need missing <= expected and duplicated >= 0. Found: expected=0 missing=1"
                + " duplicated=0");
  }
}
