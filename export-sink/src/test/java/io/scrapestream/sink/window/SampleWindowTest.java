package io.scrapestream.sink.window;

import static io.scrapestream.sink.ScrapeBatchBuilder.batch;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.scrapestream.core.config.DeliverySettings;
import io.scrapestream.schemas.v1.ScrapeBatch;
import io.scrapestream.schemas.v1.Series;
import io.scrapestream.sink.series.FlatBatch;
import io.scrapestream.sink.series.SeriesDecoder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class SampleWindowTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-21T10:00:00Z"), ZoneOffset.UTC);
  private static final long NOW = CLOCK.millis();
  private static final SampleWindow WINDOW =
      new SampleWindow(Duration.ofHours(1), Duration.ofMinutes(10));

  @Test
  void shouldTellKeepsAllWhenEverySampleLiesOnOrInsideTheBounds() throws Exception {
    long oldest = NOW - Duration.ofHours(1).toMillis();
    long newest = NOW + Duration.ofMinutes(10).toMillis();
    ScrapeBatch inside =
        batch("t", NOW)
            .sampleAt(oldest, 1, "__name__", "a")
            .sample(2, "__name__", "b")
            .sampleAt(newest, 3, "__name__", "c")
            .build();

    assertThat(WINDOW.keepsAll(FlatBatch.decode(inside.toByteArray()), CLOCK.instant())).isTrue();
  }

  @Test
  void shouldTellNotKeepsAllWhenOneSampleIsJustOutsideABoundUnlessBoundsAreOff() throws Exception {
    long newest = NOW + Duration.ofMinutes(10).toMillis();
    ScrapeBatch late =
        batch("t", NOW).sample(1, "__name__", "a").sampleAt(newest + 1, 2, "__name__", "b").build();
    ScrapeBatch old =
        batch("t", NOW - Duration.ofHours(1).toMillis() - 1).sample(1, "__name__", "a").build();

    assertThat(WINDOW.keepsAll(FlatBatch.decode(late.toByteArray()), CLOCK.instant())).isFalse();
    assertThat(WINDOW.keepsAll(FlatBatch.decode(old.toByteArray()), CLOCK.instant())).isFalse();
    assertThat(
            new SampleWindow(Duration.ZERO, Duration.ZERO)
                .keepsAll(FlatBatch.of(late), CLOCK.instant()))
        .isTrue();
  }

  @Test
  void shouldDropSamplesJustOutsideBothBoundsAndKeepThoseOnThemWhenWindowIsSet() {
    long oldest = NOW - Duration.ofHours(1).toMillis();
    long newest = NOW + Duration.ofMinutes(10).toMillis();
    ScrapeBatch batch =
        batch("t", NOW)
            .sampleAt(oldest - 1, 1, "__name__", "a")
            .sampleAt(oldest, 2, "__name__", "b")
            .sample(3, "__name__", "c")
            .sampleAt(newest, 4, "__name__", "d")
            .sampleAt(newest + 1, 5, "__name__", "e")
            .sampleAt(oldest - 60_000, 6, "__name__", "f")
            .build();

    SampleWindow.Filtered filtered = WINDOW.apply(batch, CLOCK.instant());

    assertThat(filtered.tooOld()).isEqualTo(2);
    assertThat(filtered.tooNew()).isEqualTo(1);
    assertThat(names(filtered.batch())).containsExactly("b", "c", "d");
    assertThat(filtered.batch().getTarget()).isEqualTo(batch.getTarget());
    assertThat(filtered.batch().getSymbolsList()).isEqualTo(batch.getSymbolsList());
  }

  @Test
  void shouldJudgeSamplesByTheScrapeTimeWhenTheyHaveNoTimestampOfTheirOwn() {
    ScrapeBatch stale =
        batch("t", NOW - Duration.ofHours(2).toMillis())
            .sample(1, "__name__", "a")
            .sample(2, "__name__", "b")
            .build();

    SampleWindow.Filtered filtered = WINDOW.apply(stale, CLOCK.instant());

    assertThat(filtered.tooOld()).isEqualTo(2);
    assertThat(filtered.batch().getSeriesCount()).isZero();
  }

  @Test
  void shouldReturnTheVeryBatchWhenEverySampleIsInside() {
    ScrapeBatch batch = batch("t", NOW).sample(1, "__name__", "a").build();

    SampleWindow.Filtered filtered = WINDOW.apply(batch, CLOCK.instant());

    assertThat(filtered.batch()).isSameAs(batch);
    assertThat(List.of(filtered.tooOld(), filtered.tooNew())).containsExactly(0L, 0L);
  }

  @Test
  void shouldKeepSamplesFarInThePastAndFutureWhenWindowIsOff() {
    ScrapeBatch batch =
        batch("t", NOW)
            .sampleAt(0, 1, "__name__", "a")
            .sampleAt(NOW + Duration.ofDays(365).toMillis(), 2, "__name__", "b")
            .build();

    assertThat(SampleWindow.OFF.apply(batch, CLOCK.instant()).batch()).isSameAs(batch);
  }

  @Test
  void shouldDropOnlyFutureSamplesWhenDefaultsAreUsed() {
    SampleWindow defaults = SampleWindow.of(DeliverySettings.defaults());
    ScrapeBatch batch =
        batch("t", NOW)
            .sampleAt(0, 1, "__name__", "epoch")
            .sampleAt(NOW + Duration.ofMinutes(11).toMillis(), 2, "__name__", "future")
            .build();

    SampleWindow.Filtered filtered = defaults.apply(batch, CLOCK.instant());

    assertThat(names(filtered.batch())).containsExactly("epoch");
    assertThat(filtered.tooNew()).isEqualTo(1);
    assertThat(filtered.tooOld()).isZero();
  }

  @Test
  void shouldRefuseNegativeBoundWhenConstructed() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new SampleWindow(Duration.ZERO, Duration.ofSeconds(-5)))
        .withMessage("dropNewerThan: must be a duration >= 0. Found: PT-5S");
  }

  private static List<String> names(ScrapeBatch batch) {
    return batch.getSeriesList().stream()
        .map(Series::getLabelRefsList)
        .map(refs -> SeriesDecoder.labels(batch, refs).get("__name__"))
        .toList();
  }
}
