package io.scrapestream.core.transform;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Applies a backend's transform steps, in order, to the series of one batch. Pure; no I/O. */
public final class Transformer {
  private final List<TransformStep> steps;

  public Transformer(List<TransformStep> steps) {
    this.steps = List.copyOf(Objects.requireNonNull(steps, "steps must not be null"));
  }

  public List<TransformStep> steps() {
    return steps;
  }

  /** Runs every step; the series of {@code input} are changed in place. */
  public TransformResult apply(List<TransformSeries> input) {
    List<TransformSeries> series = input;
    int dropped = 0;
    int limited = 0;
    for (TransformStep step : steps) {
      int before = series.size();
      if (step instanceof TransformStep.SeriesStep seriesStep) {
        series = perSeries(seriesStep, series);
        dropped += before - series.size();
      } else if (step instanceof Aggregate aggregate) {
        series = Aggregation.apply(aggregate, series);
      } else if (step instanceof SeriesLimit limit) {
        series = limited(limit, series);
        limited += before - series.size();
      }
    }
    return new TransformResult(series, dropped, limited);
  }

  private static List<TransformSeries> perSeries(
      TransformStep.SeriesStep step, List<TransformSeries> series) {
    List<TransformSeries> out = new ArrayList<>(series.size());
    for (TransformSeries s : series) {
      if (!step.scope().contains(s) || step.apply(s)) {
        out.add(s);
      }
    }
    return out;
  }

  private static List<TransformSeries> limited(SeriesLimit step, List<TransformSeries> series) {
    List<TransformSeries> out = new ArrayList<>(series.size());
    int scoped = 0;
    for (TransformSeries s : series) {
      if (!step.scope().contains(s)) {
        out.add(s);
      } else if (scoped++ < step.limit()) {
        out.add(s);
      }
    }
    return out;
  }
}
