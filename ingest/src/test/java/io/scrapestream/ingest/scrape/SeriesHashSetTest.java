package io.scrapestream.ingest.scrape;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SeriesHashSetTest {
  private final SeriesHashSet set = new SeriesHashSet();

  @Test
  void shouldRejectSecondAddWhenHashIsPresentIncludingZero() {
    assertThat(set.add(0)).isTrue();
    assertThat(set.add(7)).isTrue();
    assertThat(set.add(0)).isFalse();
    assertThat(set.add(7)).isFalse();
    assertThat(set.size()).isEqualTo(2);
  }

  @Test
  void shouldKeepCapacityWhenClearedAfterScrapeOfSimilarSize() {
    fill(10_000, 0);

    set.clear();

    assertThat(set.capacity()).isEqualTo(32_768);
    assertThat(set.size()).isZero();
    assertThat(set.add(1)).isTrue();
  }

  @Test
  void shouldShrinkWhenClearedAfterScrapeEightTimesSmallerThanCapacity() {
    fill(10_000, 0);
    set.clear();
    fill(10, 1_000_000);

    set.clear();

    assertThat(set.capacity()).isEqualTo(64);
    assertThat(set.add(1_000_000)).isTrue();
  }

  private void fill(int count, long from) {
    for (long i = from; i < from + count; i++) {
      assertThat(set.add(i * 0x9E3779B97F4A7C15L)).isTrue();
    }
  }
}
