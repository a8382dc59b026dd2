package io.scrapestream.enrich.bench;

import io.scrapestream.core.batch.SymbolTable;
import io.scrapestream.schemas.v1.Label;
import io.scrapestream.schemas.v1.ScrapeBatch;
import io.scrapestream.schemas.v1.ScrapeReport;
import io.scrapestream.schemas.v1.Series;
import io.scrapestream.schemas.v1.Target;
import java.util.Random;
import java.util.TreeMap;

/**
 * Realistic scrape batches for the benchmark: an application exporter's shape — 100 metric
 * families, each with handler/method/code labels, plus the target labels and the report series —
 * with fresh random values per scrape. Every 20th scrape of a target drops one series (churn).
 */
final class BenchBatches {
  private static final String[] METHODS = {"GET", "POST", "PUT", "DELETE"};
  private static final String[] CODES = {"200", "201", "404", "500", "503"};

  private final int seriesPerBatch;
  private final Random random = new Random(42);

  BenchBatches(int seriesPerBatch) {
    this.seriesPerBatch = seriesPerBatch;
  }

  static String key(int target) {
    return String.format("%016x", 0xbe0c0000L + target);
  }

  static String ip(int target) {
    return "10.1." + (target / 250) + "." + (target % 250 + 1);
  }

  ScrapeBatch scrape(int target, int scrape, long timestampMs) {
    TreeMap<String, String> targetLabels = new TreeMap<>();
    targetLabels.put("job", "checkout-service");
    targetLabels.put("instance", ip(target) + ":8080");
    targetLabels.put("namespace", "shop");
    SymbolTable symbols = new SymbolTable();
    ScrapeBatch.Builder batch = ScrapeBatch.newBuilder().setTimestampMs(timestampMs);
    int dropped = scrape % 20 == 19 ? scrape % seriesPerBatch : -1;
    for (int i = 0; i < seriesPerBatch; i++) {
      if (i == dropped) {
        continue;
      }
      TreeMap<String, String> labels = new TreeMap<>(targetLabels);
      labels.put("__name__", "checkout_http_server_requests_" + (i / 50) + "_total");
      labels.put("handler", "/api/v1/orders/resource_" + (i % 50 / 4));
      labels.put("method", METHODS[i % 4]);
      labels.put("code", CODES[(i / 4) % CODES.length]);
      Series.Builder series = Series.newBuilder().setValueBits(Double.doubleToRawLongBits(value()));
      labels.forEach((k, v) -> series.addLabelRefs(symbols.ref(k)).addLabelRefs(symbols.ref(v)));
      batch.addSeries(series);
    }
    Target.Builder proto =
        Target.newBuilder()
            .setKey(key(target))
            .setJob("checkout-service")
            .setScrapeUrl("http://" + ip(target) + ":8080/metrics")
            .setIntervalMs(15_000)
            .setTimeoutMs(10_000);
    targetLabels.forEach((k, v) -> proto.addLabels(Label.newBuilder().setName(k).setValue(v)));
    return batch
        .setTarget(proto)
        .addAllSymbols(symbols.symbols())
        .setReport(
            ScrapeReport.newBuilder()
                .setUp(true)
                .setSamplesScraped(seriesPerBatch)
                .setScraperId("scraper-" + (target % 3)))
        .build();
  }

  private double value() {
    return random.nextInt(4) == 0 ? random.nextInt(1000) : random.nextDouble() * 1e6;
  }
}
