package io.scrapestream.enrich;

import io.scrapestream.core.batch.BatchRecords;
import io.scrapestream.core.batch.SymbolTable;
import io.scrapestream.schemas.v1.Chunk;
import io.scrapestream.schemas.v1.Label;
import io.scrapestream.schemas.v1.ScrapeBatch;
import io.scrapestream.schemas.v1.ScrapeReport;
import io.scrapestream.schemas.v1.Series;
import io.scrapestream.schemas.v1.Target;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Builds {@code ScrapeBatch} records the way ingest does (target labels merged into every series,
 * labels sorted, report series at the end), and reads them back as one line per series for exact
 * assertions: {@code name{label="value",...} value}, {@code stale} for a stale marker.
 */
public final class Batches {
  private Batches() {}

  public static Builder scrape(String key, long timestampMs) {
    return new Builder(key, timestampMs);
  }

  /** The series of a batch, in order, as {@code name{labels} value}. */
  public static List<String> lines(ScrapeBatch batch) {
    List<String> lines = new ArrayList<>();
    for (Series series : batch.getSeriesList()) {
      lines.add(line(batch, series));
    }
    return lines;
  }

  public static String line(ScrapeBatch batch, Series series) {
    Map<String, String> labels = BatchRecords.labels(batch, series);
    String name = labels.remove("__name__");
    StringBuilder line = new StringBuilder(name == null ? "" : name).append('{');
    labels.forEach((k, v) -> line.append(k).append("=\"").append(v).append("\","));
    if (!labels.isEmpty()) {
      line.setLength(line.length() - 1);
    }
    line.append("} ");
    long bits = series.getValueBits();
    double value = Double.longBitsToDouble(bits);
    if (BatchRecords.isStaleMarker(bits)) {
      line.append("stale");
    } else if (value == Math.rint(value)) {
      line.append((long) value);
    } else {
      line.append(value);
    }
    return line.toString();
  }

  /** The value of the batch's {@code scrape_series_added} series, or {@code none}. */
  public static String seriesAdded(ScrapeBatch batch) {
    return lines(batch).stream()
        .filter(line -> line.startsWith("scrape_series_added{"))
        .map(line -> line.substring(line.lastIndexOf(' ') + 1))
        .findFirst()
        .orElse("none");
  }

  /** A batch under construction. */
  public static final class Builder {
    private final ScrapeBatch.Builder batch = ScrapeBatch.newBuilder();
    private final Target.Builder target = Target.newBuilder();
    private final TreeMap<String, String> targetLabels = new TreeMap<>();
    private final SymbolTable symbols = new SymbolTable();
    private final List<Series> series = new ArrayList<>();

    private Builder(String key, long timestampMs) {
      target.setKey(key).setJob("node").setIntervalMs(15_000).setTimeoutMs(10_000);
      target.setScrapeUrl("http://10.0.0.1:9100/metrics");
      batch.setTimestampMs(timestampMs);
      targetLabels.put("job", "node");
      targetLabels.put("instance", "10.0.0.1:9100");
    }

    public Builder targetLabel(String name, String value) {
      targetLabels.put(name, value);
      return this;
    }

    public Builder scrapeUrl(String url) {
      target.setScrapeUrl(url);
      return this;
    }

    public Builder intervalMs(long intervalMs) {
      target.setIntervalMs(intervalMs);
      return this;
    }

    /** A float sample; {@code labels} are name/value pairs, the target labels are added. */
    public Builder sample(String name, double value, String... labels) {
      return sampleBits(name, Double.doubleToRawLongBits(value), labels);
    }

    public Builder sampleBits(String name, long valueBits, String... labels) {
      series.add(series(name, valueBits, labels).build());
      return this;
    }

    /** A float sample with its own timestamp, as a target exposes one (honor_timestamps). */
    public Builder timestampedSample(
        String name, double value, long timestampMs, String... labels) {
      Series.Builder s = series(name, Double.doubleToRawLongBits(value), labels);
      series.add(s.setTimestampMs(timestampMs).build());
      return this;
    }

    /** Sets the target's {@code track_timestamps_staleness}. */
    public Builder trackTimestampsStaleness() {
      target.setTrackTimestampsStaleness(true);
      return this;
    }

    private Series.Builder series(String name, long valueBits, String... labels) {
      TreeMap<String, String> merged = new TreeMap<>(targetLabels);
      for (int i = 0; i + 1 < labels.length; i += 2) {
        merged.put(labels[i], labels[i + 1]);
      }
      merged.put("__name__", name);
      Series.Builder s = Series.newBuilder().setValueBits(valueBits);
      merged.forEach((k, v) -> s.addLabelRefs(symbols.ref(k)).addLabelRefs(symbols.ref(v)));
      return s;
    }

    /** The report and its series, as {@code TargetScraper} writes them. */
    public Builder report(boolean up, String scraperId) {
      int scraped = up ? series.size() : 0;
      if (!up) {
        series.clear();
      }
      batch.setReport(
          ScrapeReport.newBuilder()
              .setUp(up)
              .setSamplesScraped(scraped)
              .setSamplesPostMetricRelabeling(scraped)
              .setDurationSeconds(0.5)
              .setError(up ? "" : "connection refused")
              .setScraperId(scraperId));
      sample("up", up ? 1 : 0);
      sample("scrape_duration_seconds", 0.5);
      sample("scrape_samples_scraped", scraped);
      return sample("scrape_samples_post_metric_relabeling", scraped);
    }

    public Builder chunk(int index, int count) {
      batch.setChunk(Chunk.newBuilder().setIndex(index).setCount(count));
      return this;
    }

    public ScrapeBatch build() {
      targetLabels.forEach(
          (k, v) -> target.addLabels(Label.newBuilder().setName(k).setValue(v).build()));
      return batch.setTarget(target).addAllSymbols(symbols.symbols()).addAllSeries(series).build();
    }

    public byte[] bytes() {
      return build().toByteArray();
    }
  }
}
