package io.scrapestream.ingest.scrape;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ScrapeThreadsTest {
  @Test
  void shouldRunOneThreadPerCoreWhenManyTargetsAndCores() {
    assertThat(ScrapeThreads.count(8, false, 200)).isEqualTo(8);
    assertThat(ScrapeThreads.count(12, true, 0)).isEqualTo(12);
  }

  @Test
  void shouldRunFourThreadsWhenFewCores() {
    assertThat(ScrapeThreads.count(2, false, 200)).isEqualTo(4);
    assertThat(ScrapeThreads.count(2, true, 0)).isEqualTo(4);
  }

  @Test
  void shouldRunFourThreadsWhenOneCore() {
    assertThat(ScrapeThreads.count(1, false, 200)).isEqualTo(4);
  }

  @Test
  void shouldRunSixteenThreadsWhenManyCores() {
    assertThat(ScrapeThreads.count(64, true, 0)).isEqualTo(16);
    assertThat(ScrapeThreads.count(64, false, 1000)).isEqualTo(16);
  }

  @Test
  void shouldRunNoMoreThreadsThanTargetsButTwoWhenFewTargets() {
    assertThat(ScrapeThreads.count(8, false, 3)).isEqualTo(3);
    assertThat(ScrapeThreads.count(8, false, 1)).isEqualTo(2);
    assertThat(ScrapeThreads.count(8, false, 0)).isEqualTo(2);
  }

  @Test
  void shouldRejectCoresWhenBelowOne() {
    assertThatThrownBy(() -> ScrapeThreads.count(0, false, 10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("cores must be at least 1. Found: 0");
  }
}
