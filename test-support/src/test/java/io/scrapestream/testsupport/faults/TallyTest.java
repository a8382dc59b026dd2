package io.scrapestream.testsupport.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TallyTest {
  @Test
  void shouldCountLostDuplicatedAndUnexpectedWhenComparingStoredWithExpected() {
    Tally tally = Tally.of("demo", Set.of("a", "b", "c"), Map.of("a", 3, "b", 1, "x", 2), 1.25);

    assertThat(tally).isEqualTo(new Tally("demo", 3, 1, 3, 1, 1.25));
    assertThat(tally.line())
        .isEqualTo("scenario=demo expected=3 lost=1 duplicated=3 recovery_s=1.25");
    assertThat(tally.faultLine(42).line()).isEqualTo("demo, 3, 1, 3, 1.3, 42");
  }

  @Test
  void shouldNameMissingKeysSortedWhenStoredLacksThem() {
    assertThat(Tally.missing(Set.of("c", "a", "b"), Map.of("b", 2L))).containsExactly("a", "c");
  }

  @Test
  void shouldRefuseMoreLostThanExpectedWhenBuilt() {
    assertThatThrownBy(() -> new Tally("demo", 1, 2, 0, 0, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "counts must be >= 0 and lost <= expected. Found: expected=1 lost=2 duplicated=0"
                + " unexpected=0");
  }
}
