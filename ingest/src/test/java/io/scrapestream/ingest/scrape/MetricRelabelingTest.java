package io.scrapestream.ingest.scrape;

import static io.scrapestream.ingest.scrape.Scrapes.NOW_MS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.scrapestream.core.batch.BatchRecords;
import io.scrapestream.core.config.ScrapeFormat;
import io.scrapestream.core.config.ScrapeHttpConfig;
import io.scrapestream.core.config.ScrapeLimits;
import io.scrapestream.core.relabel.RelabelAction;
import io.scrapestream.core.relabel.RelabelConfig;
import io.scrapestream.core.relabel.RelabelRegex;
import io.scrapestream.ingest.parse.ExpositionFormat;
import io.scrapestream.schemas.v1.ScrapeBatch;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code metric_relabel_configs} in the sample path, in Prometheus's order. */
class MetricRelabelingTest {
  private static final RelabelConfig DROP_B =
      rule(List.of("__name__"), "b", "", RelabelAction.DROP);
  private static final RelabelConfig DROP_NAME =
      rule(List.of(), "__name__", "", RelabelAction.LABELDROP);

  private BatchAssembler assembler;

  @Test
  void shouldLeaveBatchOutAndCountPostRelabelingWhenDropRuleMatches() throws Exception {
    parse(ScrapeLimits.NONE, List.of(DROP_B), "a 1\nb 2\nc 3\n");

    assertThat(series())
        .containsExactly(
            Map.of("__name__", "a", "instance", "i", "job", "j", "team", "t"),
            Map.of("__name__", "c", "instance", "i", "job", "j", "team", "t"));
    assertThat(assembler.scraped()).isEqualTo(3);
    assertThat(assembler.postRelabeling()).isEqualTo(2);
  }

  @Test
  void shouldSeeMergedTargetLabelsWhenRuleReadsThem() throws Exception {
    RelabelConfig copy =
        rule(List.of("exported_team", "team"), "(.*);(.*)", "owner", RelabelAction.REPLACE);

    parse(ScrapeLimits.NONE, List.of(copy), "m{team=\"x\"} 1\n");

    assertThat(series())
        .containsExactly(
            Map.of(
                "__name__",
                "m",
                "exported_team",
                "x",
                "instance",
                "i",
                "job",
                "j",
                "owner",
                "x",
                "team",
                "t"));
  }

  @Test
  void shouldCheckLabelLimitAfterRelabelingWhenRulesDropLabels() throws Exception {
    RelabelConfig dropAb = rule(List.of(), "a|b", "", RelabelAction.LABELDROP);

    parse(new ScrapeLimits(0, 4, 0, 0, 0), List.of(dropAb), "m{a=\"1\",b=\"2\"} 1\n");

    assertThat(series())
        .containsExactly(Map.of("__name__", "m", "instance", "i", "job", "j", "team", "t"));
  }

  @Test
  void shouldCountSampleLimitAfterRelabelingWhenRulesDropSamples() throws Exception {
    parse(new ScrapeLimits(2, 0, 0, 0, 0), List.of(DROP_B), "a 1\nb 2\nb{x=\"y\"} 3\nc 4\n");

    assembler.checkSampleLimit(2);
    assertThat(series()).hasSize(2);
    assertThat(assembler.scraped()).isEqualTo(4);
    assertThat(assembler.postRelabeling()).isEqualTo(2);
  }

  @Test
  void shouldFailWithPrometheusMessageWhenRulesRemoveMetricName() {
    assertThatThrownBy(() -> parse(ScrapeLimits.NONE, List.of(DROP_NAME), "a 1\n"))
        .isInstanceOf(InvalidSeriesException.class)
        .hasMessage("missing metric name (__name__ label)");
  }

  @Test
  void shouldDropSampleWhenRulesRemoveEveryLabel() throws Exception {
    RelabelConfig dropAll = rule(List.of(), ".*", "", RelabelAction.LABELDROP);

    parse(ScrapeLimits.NONE, List.of(dropAll), "a 1\n");

    assertThat(series()).isEmpty();
    assertThat(assembler.postRelabeling()).isZero();
  }

  @Test
  void shouldReturnSameLabelSetWhenJobHasNoRules() {
    TreeMap<String, String> labels = new TreeMap<>(Map.of("__name__", "a"));

    assertThat(MetricRelabeling.of(List.of())).isSameAs(MetricRelabeling.NONE);
    assertThat(MetricRelabeling.NONE.apply(labels)).containsSame(labels);
  }

  @Test
  @Timeout(30)
  void shouldReportPostRelabelingAndFailScrapeWhenTargetIsScraped() throws Exception {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    byte[] body = "a 1\nb 2\nc 3\n".getBytes(StandardCharsets.UTF_8);
    server.createContext(
        "/metrics",
        exchange -> {
          exchange.getResponseHeaders().add("Content-Type", "text/plain; version=0.0.4");
          exchange.sendResponseHeaders(200, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    server.start();
    try {
      URI url = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/metrics");
      ScrapeBatch kept = scraper(url, List.of(DROP_B)).scrape();
      ScrapeBatch failed = scraper(url, List.of(DROP_NAME)).scrape();

      assertThat(Scrapes.count(kept, "b")).isZero();
      assertThat(Scrapes.value(kept, "scrape_samples_scraped")).isEqualTo(3.0);
      assertThat(Scrapes.value(kept, "scrape_samples_post_metric_relabeling")).isEqualTo(2.0);
      assertThat(kept.getReport().getSamplesPostMetricRelabeling()).isEqualTo(2);
      assertThat(failed.getReport().getUp()).isFalse();
      assertThat(failed.getReport().getError()).isEqualTo("missing metric name (__name__ label)");
      assertThat(Scrapes.value(failed, "up")).isEqualTo(0.0);
    } finally {
      server.stop(0);
    }
  }

  private static TargetScraper scraper(URI url, List<RelabelConfig> rules) {
    ScrapeJob job =
        new ScrapeJob(
            new ScrapeClient(ScrapeHttpConfig.DEFAULT, "test", Map.of()),
            ScrapeLimits.NONE,
            ScrapeFormat.DEFAULT,
            ScrapeListener.NO_OP,
            Scrapes.CLOCK,
            "scraper-0",
            MetricRelabeling.of(rules));
    return new TargetScraper(Scrapes.target(url, false, true), job);
  }

  private static RelabelConfig rule(
      List<String> sources, String regex, String target, RelabelAction action) {
    String replacement = action == RelabelAction.REPLACE ? "$1" : RelabelConfig.DEFAULT_REPLACEMENT;
    return new RelabelConfig(
        sources,
        RelabelConfig.DEFAULT_SEPARATOR,
        RelabelRegex.compile(regex),
        0,
        target,
        replacement,
        action);
  }

  private void parse(ScrapeLimits limits, List<RelabelConfig> rules, String body) throws Exception {
    assembler =
        new BatchAssembler(
            Scrapes.target(URI.create("http://h:1/metrics"), false, true),
            new SampleLimits(limits),
            new SampleAdmission(limits.sampleLimit(), NOW_MS),
            MetricRelabeling.of(rules));
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ExpositionFormat.PROMETHEUS_TEXT.newParser().parse(bytes, 0, bytes.length, assembler);
  }

  private List<Map<String, String>> series() {
    ScrapeBatch batch = assembler.toBatch().build();
    return batch.getSeriesList().stream()
        .<Map<String, String>>map(s -> BatchRecords.labels(batch, s))
        .toList();
  }
}
