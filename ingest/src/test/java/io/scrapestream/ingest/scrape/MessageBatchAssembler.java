package io.scrapestream.ingest.scrape;

import io.scrapestream.core.batch.SymbolTable;
import io.scrapestream.core.target.ScrapeTarget;
import io.scrapestream.ingest.parse.LabelView;
import io.scrapestream.ingest.parse.MetricType;
import io.scrapestream.ingest.parse.SampleVisitor;
import io.scrapestream.schemas.v1.Exemplar;
import io.scrapestream.schemas.v1.MetricFamilyMetadata;
import io.scrapestream.schemas.v1.NativeHistogram;
import io.scrapestream.schemas.v1.ScrapeBatch;
import io.scrapestream.schemas.v1.Series;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The reference for {@link BatchAssembler}'s direct encoding: the batch built the way the scraper
 * built it before, as {@code Series} and {@code ScrapeBatch} messages from a {@code TreeMap} per
 * sample (target labels merged as Prometheus does, duplicates and samples over 10 minutes ahead
 * dropped), for scrapes without limits or metric relabeling.
 */
final class MessageBatchAssembler implements SampleVisitor {
  private final ScrapeTarget target;
  private final long scrapeTimestampMs;
  private final SymbolTable symbols = new SymbolTable();
  private final List<Series> series = new ArrayList<>();
  private final Map<String, MetricFamilyMetadata.Builder> metadata = new LinkedHashMap<>();
  private final Map<String, String> helps = new LinkedHashMap<>();
  private final Map<String, String> units = new LinkedHashMap<>();
  private final Set<List<Object>> seen = new HashSet<>();
  private Series.Builder last;

  MessageBatchAssembler(ScrapeTarget target, long scrapeTimestampMs) {
    this.target = target;
    this.scrapeTimestampMs = scrapeTimestampMs;
  }

  @Override
  public void type(String family, MetricType type) {
    family(family).setType(MetricTypes.toProto(type));
  }

  @Override
  public void help(String family, String help) {
    family(family);
    helps.put(family, help);
  }

  @Override
  public void unit(String family, String unit) {
    family(family);
    units.put(family, unit);
  }

  @Override
  public void sample(LabelView labels, long valueBits, boolean hasTimestamp, long timestampMs) {
    flushLast();
    TreeMap<String, String> merged = new TreeMap<>();
    for (int i = 0; i < labels.size(); i++) {
      merged.put(labels.name(i), labels.value(i));
    }
    mergeTargetLabels(merged);
    boolean keepTimestamp = hasTimestamp && target.honorTimestamps();
    List<Object> key = keepTimestamp ? List.of(merged, timestampMs) : List.of(merged);
    if (!seen.add(key)
        || (keepTimestamp && timestampMs > scrapeTimestampMs + SampleAdmission.MAX_AHEAD_MS)) {
      return;
    }
    last = Series.newBuilder().setValueBits(valueBits);
    if (keepTimestamp) {
      last.setTimestampMs(timestampMs);
    }
    merged.forEach((n, v) -> last.addLabelRefs(symbols.ref(n)).addLabelRefs(symbols.ref(v)));
  }

  @Override
  public void exemplar(LabelView labels, long valueBits, boolean hasTimestamp, long timestampMs) {
    if (last == null) {
      return;
    }
    Exemplar.Builder exemplar = Exemplar.newBuilder().setValueBits(valueBits);
    if (hasTimestamp) {
      exemplar.setTimestampMs(timestampMs);
    }
    for (int i = 0; i < labels.size(); i++) {
      exemplar.addLabelRefs(symbols.ref(labels.name(i))).addLabelRefs(symbols.ref(labels.value(i)));
    }
    last.addExemplars(exemplar);
  }

  @Override
  public void histogram(
      LabelView labels, NativeHistogram histogram, boolean hasTimestamp, long timestampMs) {
    sample(labels, 0L, hasTimestamp, timestampMs);
    if (last != null) {
      last.setHistogram(histogram);
    }
  }

  void synthetic(String name, double value) {
    flushLast();
    TreeMap<String, String> labels = new TreeMap<>(target.labels());
    labels.put("__name__", name);
    Series.Builder builder = Series.newBuilder().setValueBits(Double.doubleToRawLongBits(value));
    labels.forEach((n, v) -> builder.addLabelRefs(symbols.ref(n)).addLabelRefs(symbols.ref(v)));
    series.add(builder.build());
  }

  ScrapeBatch.Builder toBatch() {
    flushLast();
    ScrapeBatch.Builder batch = ScrapeBatch.newBuilder().addAllSeries(series);
    metadata.forEach(
        (family, m) ->
            batch.addMetadata(
                m.setNameRef(symbols.ref(family))
                    .setHelpRef(symbols.ref(helps.getOrDefault(family, "")))
                    .setUnitRef(symbols.ref(units.getOrDefault(family, "")))));
    return batch.addAllSymbols(symbols.symbols());
  }

  private MetricFamilyMetadata.Builder family(String family) {
    return metadata.computeIfAbsent(family, f -> MetricFamilyMetadata.newBuilder());
  }

  private void mergeTargetLabels(TreeMap<String, String> labels) {
    for (Map.Entry<String, String> entry : target.labels().entrySet()) {
      String name = entry.getKey();
      String exposed = labels.get(name);
      if (exposed != null && target.honorLabels()) {
        continue;
      }
      if (exposed != null) {
        String exported = "exported_" + name;
        while (labels.containsKey(exported)) {
          exported = "exported_" + exported;
        }
        labels.put(exported, exposed);
      }
      labels.put(name, entry.getValue());
    }
    labels.values().removeIf(String::isEmpty);
  }

  private void flushLast() {
    if (last != null) {
      series.add(last.build());
      last = null;
    }
  }
}
