package io.scrapestream.enrich.staleness;

import io.scrapestream.enrich.batch.IndexedBatch;
import io.scrapestream.enrich.batch.LabelSource;
import io.scrapestream.schemas.v1.Label;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeMap;

/**
 * The series Prometheus writes about a scrape rather than from it ({@code up}, {@code scrape_*}).
 * They are not counted in {@code scrape_series_added}, and this stage adds that one the way ingest
 * adds the others ({@code BatchAssembler.synthetic}): the target labels plus {@code __name__}, at
 * the scrape's timestamp.
 */
public final class ReportSeries {
  public static final String SERIES_ADDED = "scrape_series_added";
  private static final byte[] NAME_LABEL = "__name__".getBytes(StandardCharsets.UTF_8);
  private static final Set<String> NAMES =
      Set.of(
          "up",
          "scrape_duration_seconds",
          "scrape_samples_scraped",
          "scrape_samples_post_metric_relabeling",
          SERIES_ADDED,
          "scrape_timeout_seconds",
          "scrape_sample_limit",
          "scrape_body_size_bytes");

  private ReportSeries() {}

  /**
   * Appends {@code scrape_series_added} (value 0 until known) with the target's labels; returns its
   * series index.
   */
  static int appendSeriesAdded(IndexedBatch batch) {
    TreeMap<String, String> labels = new TreeMap<>();
    for (Label label : batch.target().getLabelsList()) {
      if (!label.getValue().isEmpty()) {
        labels.put(label.getName(), label.getValue());
      }
    }
    labels.put("__name__", SERIES_ADDED);
    int[] refs = new int[labels.size() * 2];
    int i = 0;
    for (var label : labels.entrySet()) {
      refs[i++] = batch.appendSymbol(label.getKey());
      refs[i++] = batch.appendSymbol(label.getValue());
    }
    return batch.appendSeries(refs, 0L);
  }

  /** Whether a series is one of the report series, by its {@code __name__}. */
  static boolean isReportSeries(LabelSource source, int series) {
    int count = source.labelRefCount(series);
    for (int i = 0; i < count; i += 2) {
      if (source.symbolEquals(source.labelRef(series, i), NAME_LABEL)) {
        return NAMES.contains(source.symbol(source.labelRef(series, i + 1)));
      }
    }
    return false;
  }
}
