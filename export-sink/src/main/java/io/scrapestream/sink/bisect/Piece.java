package io.scrapestream.sink.bisect;

import io.scrapestream.schemas.v1.ScrapeBatch;
import io.scrapestream.sink.series.FlatBatch;
import java.util.List;
import java.util.Objects;

/**
 * A part of one batch of an export: the series {@code [from, to)} of {@code source}, the batch at
 * {@code index} in the caller's list. A whole batch is the piece {@code [0, seriesCount)}; a part
 * is the same scrape (target, timestamp, string table, metadata) with a subset of its series.
 */
public record Piece(int index, FlatBatch source, int from, int to) {
  public Piece {
    Objects.requireNonNull(source, "source");
    if (index < 0) {
      throw new IllegalArgumentException("index: must be >= 0. Found: " + index);
    }
    if (from < 0 || from > to || to > source.seriesCount()) {
      throw new IllegalArgumentException(
          "series range: must lie within [0, "
              + source.seriesCount()
              + "]. Found: ["
              + from
              + ", "
              + to
              + ")");
    }
  }

  /** The series {@code [from, to)} of a parsed batch. */
  public Piece(int index, ScrapeBatch batch, int from, int to) {
    this(index, FlatBatch.of(batch), from, to);
  }

  /** All series of {@code batch}. */
  public static Piece whole(int index, FlatBatch batch) {
    return new Piece(index, batch, 0, batch.seriesCount());
  }

  /** All series of a parsed {@code batch}. */
  public static Piece whole(int index, ScrapeBatch batch) {
    return whole(index, FlatBatch.of(batch));
  }

  /** The whole batch the piece is part of, as a message. */
  public ScrapeBatch batch() {
    return source.message();
  }

  /** The number of samples (series) of the piece. */
  public int samples() {
    return to - from;
  }

  /** Whether the piece holds every series of its batch. */
  public boolean isWhole() {
    return from == 0 && to == source.seriesCount();
  }

  /** The batch to send: the whole batch when the piece is whole, else its part. */
  public ScrapeBatch toBatch() {
    if (isWhole()) {
      return batch();
    }
    ScrapeBatch batch = batch();
    return batch.toBuilder()
        .clearSeries()
        .addAllSeries(batch.getSeriesList().subList(from, to))
        .build();
  }

  /** The batch to send as columns: {@code source} itself when the piece is whole. */
  public FlatBatch toFlat() {
    return isWhole() ? source : FlatBatch.of(toBatch());
  }

  /** The two halves of the piece's series, the first one no larger than the second. */
  public List<Piece> halves() {
    int middle = from + samples() / 2;
    return List.of(new Piece(index, source, from, middle), new Piece(index, source, middle, to));
  }
}
