package io.scrapestream.sink;

import io.scrapestream.schemas.v1.Attribute;
import io.scrapestream.schemas.v1.Label;
import io.scrapestream.schemas.v1.MetricFamilyMetadata;
import io.scrapestream.schemas.v1.MetricType;
import io.scrapestream.schemas.v1.ScrapeBatch;
import io.scrapestream.schemas.v1.Series;
import io.scrapestream.schemas.v1.Target;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Builds {@link ScrapeBatch} test records, keeping their string table. */
public final class ScrapeBatchBuilder {
  public static final long STALE_MARKER = 0x7ff0000000000002L;

  private final ScrapeBatch.Builder batch = ScrapeBatch.newBuilder();
  private final Map<String, Integer> refs = new HashMap<>();

  private ScrapeBatchBuilder(String targetKey, long timestampMs) {
    batch.setTarget(Target.newBuilder().setKey(targetKey)).setTimestampMs(timestampMs);
    ref("");
  }

  /** A batch of target {@code targetKey} scraped at {@code timestampMs}. */
  public static ScrapeBatchBuilder batch(String targetKey, long timestampMs) {
    return new ScrapeBatchBuilder(targetKey, timestampMs);
  }

  /** The string-table index of {@code symbol}, adding it when new. */
  public int ref(String symbol) {
    return refs.computeIfAbsent(
        symbol,
        s -> {
          batch.addSymbols(s);
          return batch.getSymbolsCount() - 1;
        });
  }

  /** References of name/value pairs. */
  public List<Integer> refs(String... nameValuePairs) {
    List<Integer> list = new ArrayList<>();
    for (String symbol : nameValuePairs) {
      list.add(ref(symbol));
    }
    return list;
  }

  /** A float sample with the batch's timestamp. */
  public ScrapeBatchBuilder sample(double value, String... labels) {
    return series(Series.newBuilder().setValueBits(Double.doubleToRawLongBits(value)), labels);
  }

  /** A sample given by its raw bits, e.g. {@link #STALE_MARKER}. */
  public ScrapeBatchBuilder sampleBits(long bits, String... labels) {
    return series(Series.newBuilder().setValueBits(bits), labels);
  }

  /** A float sample with its own timestamp. */
  public ScrapeBatchBuilder sampleAt(long timestampMs, double value, String... labels) {
    return series(
        Series.newBuilder()
            .setValueBits(Double.doubleToRawLongBits(value))
            .setTimestampMs(timestampMs),
        labels);
  }

  /** A series built by the caller, with these labels. */
  public ScrapeBatchBuilder series(Series.Builder series, String... labels) {
    batch.addSeries(series.addAllLabelRefs(refs(labels)));
    return this;
  }

  public ScrapeBatchBuilder metadata(String name, MetricType type, String help, String unit) {
    batch.addMetadata(
        MetricFamilyMetadata.newBuilder()
            .setNameRef(ref(name))
            .setType(type)
            .setHelpRef(ref(help))
            .setUnitRef(ref(unit)));
    return this;
  }

  /** The target's job, scrape URL and labels (name/value pairs, sorted by the caller). */
  public ScrapeBatchBuilder target(String job, String scrapeUrl, String... labelPairs) {
    Target.Builder target = batch.getTargetBuilder().setJob(job).setScrapeUrl(scrapeUrl);
    for (int i = 0; i < labelPairs.length; i += 2) {
      target.addLabels(Label.newBuilder().setName(labelPairs[i]).setValue(labelPairs[i + 1]));
    }
    return this;
  }

  public ScrapeBatchBuilder resource(String key, String value) {
    batch.addResourceAttributes(Attribute.newBuilder().setKey(key).setValue(value));
    return this;
  }

  public ScrapeBatch build() {
    return batch.build();
  }
}
