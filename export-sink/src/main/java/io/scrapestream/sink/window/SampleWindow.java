package io.scrapestream.sink.window;

import io.scrapestream.core.config.DeliverySettings;
import io.scrapestream.schemas.v1.ScrapeBatch;
import io.scrapestream.schemas.v1.Series;
import io.scrapestream.sink.series.FlatBatch;
import io.scrapestream.sink.series.SeriesDecoder;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The sample timestamps a backend accepts, relative to now: a sample older than {@code
 * dropOlderThan} (strictly before {@code now - dropOlderThan}) or newer than {@code dropNewerThan}
 * (strictly after {@code now + dropNewerThan}) is left out before sending. A zero bound is off.
 * Pure: the caller passes the time.
 */
public record SampleWindow(Duration dropOlderThan, Duration dropNewerThan) {
  /** Keeps every sample. */
  public static final SampleWindow OFF = new SampleWindow(Duration.ZERO, Duration.ZERO);

  public SampleWindow {
    requireNonNegative("dropOlderThan", dropOlderThan);
    requireNonNegative("dropNewerThan", dropNewerThan);
  }

  /** The window a backend's delivery settings ask for. */
  public static SampleWindow of(DeliverySettings delivery) {
    return new SampleWindow(delivery.dropOlderThan(), delivery.dropNewerThan());
  }

  /** A batch with the samples out of the window left out, and how many were, by side. */
  public record Filtered(ScrapeBatch batch, long tooOld, long tooNew) {
    public Filtered {
      Objects.requireNonNull(batch, "batch");
    }
  }

  /**
   * Whether every sample of {@code batch} lies in the window at {@code now}: {@link #apply} would
   * answer the very batch. Reads the columns only, no message.
   */
  public boolean keepsAll(FlatBatch batch, Instant now) {
    if (dropOlderThan.isZero() && dropNewerThan.isZero()) {
      return true;
    }
    long nowMs = now.toEpochMilli();
    long oldest = dropOlderThan.isZero() ? Long.MIN_VALUE : nowMs - dropOlderThan.toMillis();
    long newest = dropNewerThan.isZero() ? Long.MAX_VALUE : nowMs + dropNewerThan.toMillis();
    for (int i = 0; i < batch.seriesCount(); i++) {
      long timestamp = batch.timestampMs(i);
      if (timestamp < oldest || timestamp > newest) {
        return false;
      }
    }
    return true;
  }

  /**
   * The batch without its samples outside the window at {@code now} (the very batch when none is);
   * a sample's time is its own timestamp, else the batch's.
   */
  public Filtered apply(ScrapeBatch batch, Instant now) {
    if (dropOlderThan.isZero() && dropNewerThan.isZero()) {
      return new Filtered(batch, 0, 0);
    }
    long nowMs = now.toEpochMilli();
    long oldest = dropOlderThan.isZero() ? Long.MIN_VALUE : nowMs - dropOlderThan.toMillis();
    long newest = dropNewerThan.isZero() ? Long.MAX_VALUE : nowMs + dropNewerThan.toMillis();
    List<Series> kept = new ArrayList<>(batch.getSeriesCount());
    long tooOld = 0;
    long tooNew = 0;
    for (Series series : batch.getSeriesList()) {
      long timestamp = SeriesDecoder.timestampMs(batch, series);
      if (timestamp < oldest) {
        tooOld++;
      } else if (timestamp > newest) {
        tooNew++;
      } else {
        kept.add(series);
      }
    }
    if (tooOld + tooNew == 0) {
      return new Filtered(batch, 0, 0);
    }
    return new Filtered(batch.toBuilder().clearSeries().addAllSeries(kept).build(), tooOld, tooNew);
  }

  private static void requireNonNegative(String name, Duration value) {
    if (value == null || value.isNegative()) {
      throw new IllegalArgumentException(name + ": must be a duration >= 0. Found: " + value);
    }
  }
}
