package io.scrapestream.sink.bisect;

import io.scrapestream.schemas.v1.ScrapeBatch;
import java.util.List;
import java.util.Objects;

/**
 * A part of one batch of an export: the series {@code [from, to)} of {@code batch}, the batch at
 * {@code index} in the caller's list. A whole batch is the piece {@code [0, seriesCount)}; a part
 * is the same scrape (target, timestamp, string table, metadata) with a subset of its series.
 */
public record Piece(int index, ScrapeBatch batch, int from, int to) {
  public Piece {
    Objects.requireNonNull(batch, "batch");
    if (index < 0) {
      throw new IllegalArgumentException("index: must be >= 0. Found: " + index);
    }
    if (from < 0 || from > to || to > batch.getSeriesCount()) {
      throw new IllegalArgumentException(
          "series range: must lie within [0, "
              + batch.getSeriesCount()
              + "]. Found: ["
              + from
              + ", "
              + to
              + ")");
    }
  }

  /** All series of {@code batch}. */
  public static Piece whole(int index, ScrapeBatch batch) {
    return new Piece(index, batch, 0, batch.getSeriesCount());
  }

  /** The number of samples (series) of the piece. */
  public int samples() {
    return to - from;
  }

  /** The batch to send: {@code batch} itself when the piece is whole, else its part. */
  public ScrapeBatch toBatch() {
    if (from == 0 && to == batch.getSeriesCount()) {
      return batch;
    }
    return batch.toBuilder()
        .clearSeries()
        .addAllSeries(batch.getSeriesList().subList(from, to))
        .build();
  }

  /** The two halves of the piece's series, the first one no larger than the second. */
  public List<Piece> halves() {
    int middle = from + samples() / 2;
    return List.of(new Piece(index, batch, from, middle), new Piece(index, batch, middle, to));
  }
}
