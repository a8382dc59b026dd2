package io.scrapestream.ingest.scrape;

import static org.assertj.core.api.Assertions.assertThat;

import io.scrapestream.core.config.ScrapeLimits;
import io.scrapestream.core.target.ScrapeTarget;
import io.scrapestream.core.target.TargetKey;
import io.scrapestream.ingest.parse.ExpositionFormat;
import io.scrapestream.ingest.parse.ExpositionParseException;
import io.scrapestream.ingest.parse.ExpositionParser;
import io.scrapestream.ingest.parse.SampleVisitor;
import io.scrapestream.schemas.v1.ScrapeReport;
import io.scrapestream.schemas.v1.Target;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * One thread's {@link ScrapeBuffers} and parser kept across scrapes of several targets, as the
 * scrape threads keep them: every batch must be the bytes that fresh buffers and the message-built
 * reference give, whatever the thread scraped before (shared names, other target labels, a start
 * over of the symbols between two scrapes).
 */
class SymbolReuseTest {
  private static final Target TARGET = Target.newBuilder().setKey("00000000000000aa").build();
  private static final ScrapeReport REPORT = ScrapeReport.newBuilder().setUp(true).build();

  private final ScrapeBuffers buffers = new ScrapeBuffers();
  private final ExpositionParser parser = ExpositionFormat.PROMETHEUS_TEXT.newParser();

  @Test
  void shouldEncodeAsFreshBuffersWhenTwoTargetsSharingNamesTakeTurnsOnOneThread() throws Exception {
    ScrapeTarget first = target("a:1", false, Map.of("team", "t"));
    ScrapeTarget second = target("b:2", true, Map.of("team", "u", "zone", "z"));
    byte[] node = exposition("node_exporter-1.5.0.prom");
    byte[] prometheus = exposition("prometheus-2.42.0.prom");

    for (int round = 0; round < 3; round++) {
      assertThat(scrape(first, node)).isEqualTo(reference(first, node));
      assertThat(scrape(second, node)).isEqualTo(reference(second, node));
      assertThat(scrape(first, prometheus)).isEqualTo(reference(first, prometheus));
    }
  }

  @Test
  void shouldEncodeAsFreshBuffersWhenSymbolsStartedOverSinceTheLastScrape() throws Exception {
    ScrapeTarget target = target("a:1", false, Map.of("team", "t"));
    byte[] body = "# HELP m help\n# TYPE m gauge\nm{x=\"1\"} 1\nm{x=\"2\"} 2\nn 3\n".getBytes();
    scrape(target, body);
    long epoch = buffers.symbols.epoch();

    scrape(target, manySeries(ScrapeSymbols.MAX_KEPT + 1));
    byte[] after = scrape(target, body);

    assertThat(buffers.symbols.epoch()).isEqualTo(epoch + 1);
    assertThat(after).isEqualTo(reference(target, body));
  }

  @Test
  void shouldKeepEntriesWhenNextScrapeSharesThem() throws Exception {
    ScrapeTarget target = target("a:1", false, Map.of("team", "t"));
    byte[] body = exposition("node_exporter-1.5.0.prom");
    scrape(target, body);
    int entry = buffers.symbols.entry("node_cpu_seconds_total");

    byte[] again = scrape(target, body);

    assertThat(buffers.symbols.entry("node_cpu_seconds_total")).isEqualTo(entry);
    assertThat(again).isEqualTo(reference(target, body));
  }

  private byte[] scrape(ScrapeTarget target, byte[] body) throws ExpositionParseException {
    buffers.reset();
    BatchAssembler assembler =
        new BatchAssembler(
            TargetLabels.of(target),
            new SampleLimits(ScrapeLimits.NONE),
            new SampleAdmission(0, Scrapes.NOW_MS, buffers.seen),
            MetricRelabeling.NONE,
            buffers);
    parser.parse(body, 0, body.length, assembler);
    assembler.synthetic("up", 1);
    return BatchEncoding.encode(buffers, TARGET, Scrapes.NOW_MS, REPORT);
  }

  private static byte[] reference(ScrapeTarget target, byte[] body)
      throws ExpositionParseException {
    MessageBatchAssembler reference = new MessageBatchAssembler(target, Scrapes.NOW_MS);
    parse(body, reference);
    reference.synthetic("up", 1);
    return reference
        .toBatch()
        .setTarget(TARGET)
        .setTimestampMs(Scrapes.NOW_MS)
        .setReport(REPORT)
        .build()
        .toByteArray();
  }

  private static void parse(byte[] body, SampleVisitor visitor) throws ExpositionParseException {
    ExpositionFormat.PROMETHEUS_TEXT.newParser().parse(body, 0, body.length, visitor);
  }

  private static ScrapeTarget target(
      String instance, boolean honorLabels, Map<String, String> extra) {
    TreeMap<String, String> labels = new TreeMap<>(extra);
    labels.put("job", "j");
    labels.put("instance", instance);
    return new ScrapeTarget(
        new TargetKey("00000000000000aa"),
        "j",
        URI.create("http://" + instance + "/metrics"),
        labels,
        Duration.ofSeconds(5),
        Duration.ofSeconds(5),
        honorLabels,
        true);
  }

  private static byte[] manySeries(int count) {
    StringBuilder body = new StringBuilder();
    for (int i = 0; i < count; i++) {
      body.append("big{id=\"").append(i).append("\"} 1\n");
    }
    return body.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] exposition(String name) throws Exception {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("shared/testdata/expositions").resolve(name);
      if (Files.isRegularFile(candidate)) {
        return Files.readAllBytes(candidate);
      }
    }
    throw new IllegalStateException("shared/testdata/expositions/" + name + " not found");
  }
}
