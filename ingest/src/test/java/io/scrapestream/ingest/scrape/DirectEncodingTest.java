package io.scrapestream.ingest.scrape;

import static org.assertj.core.api.Assertions.assertThat;

import io.scrapestream.core.config.ScrapeLimits;
import io.scrapestream.core.target.ScrapeTarget;
import io.scrapestream.ingest.parse.ExpositionFormat;
import io.scrapestream.ingest.parse.ExpositionParseException;
import io.scrapestream.ingest.parse.LabelView;
import io.scrapestream.ingest.parse.MetricType;
import io.scrapestream.ingest.parse.SampleVisitor;
import io.scrapestream.schemas.v1.BucketSpan;
import io.scrapestream.schemas.v1.NativeHistogram;
import io.scrapestream.schemas.v1.ScrapeBatch;
import io.scrapestream.schemas.v1.ScrapeReport;
import io.scrapestream.schemas.v1.Target;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The directly encoded batch ({@link BatchAssembler}, {@link BatchEncoding}) against the batch
 * built from messages ({@link MessageBatchAssembler}) on the conformance bodies and the real
 * exporter outputs: it must parse to the same {@code ScrapeBatch}, and is even the same bytes.
 */
class DirectEncodingTest {
  private static final Target TARGET =
      Target.newBuilder()
          .setKey("00000000000000aa")
          .setJob("j")
          .setScrapeUrl("http://h:1/m")
          .build();
  private static final ScrapeReport REPORT =
      ScrapeReport.newBuilder().setUp(true).setSamplesScraped(3).setScraperId("s").build();

  @ParameterizedTest(name = "{0} honor_labels={2}")
  @MethodSource("bodies")
  void shouldParseToMessageBuiltBatchWhenEncodedDirectly(
      String name, Path body, boolean honorLabels) throws Exception {
    ScrapeTarget target = Scrapes.target(URI.create("http://h:1/m"), honorLabels, true);
    ExpositionFormat format =
        name.contains("openmetrics")
            ? ExpositionFormat.OPENMETRICS_TEXT
            : ExpositionFormat.PROMETHEUS_TEXT;
    MessageBatchAssembler reference = new MessageBatchAssembler(target, Scrapes.NOW_MS);
    BatchAssembler direct = assembler(target);

    ScrapeBatch expected = encodeReference(parse(format, body, reference));
    byte[] bytes = encodeDirect(parse(format, body, direct));

    assertThat(ScrapeBatch.parseFrom(bytes)).isEqualTo(expected);
    assertThat(bytes).isEqualTo(expected.toByteArray());
  }

  @Test
  void shouldEncodeSecondScrapeAloneWhenBuffersAreReused() throws Exception {
    ScrapeTarget target = Scrapes.target(URI.create("http://h:1/m"), false, true);
    ScrapeBuffers buffers = new ScrapeBuffers();
    encodeDirect(body("a{x=\"1\"} 1\nb 2\n", assembler(target, buffers)));
    buffers.reset();
    BatchAssembler second = assembler(target, buffers);
    MessageBatchAssembler reference = new MessageBatchAssembler(target, Scrapes.NOW_MS);

    byte[] bytes = encodeDirect(body("c{y=\"2\"} 3\n", second));

    assertThat(bytes).isEqualTo(encodeReference(body("c{y=\"2\"} 3\n", reference)).toByteArray());
  }

  @Test
  void shouldEncodeHistogramsExemplarsAndTimestampsAsMessagesWhenVisitedDirectly() {
    ScrapeTarget target = Scrapes.target(URI.create("http://h:1/m"), false, true);
    BatchAssembler direct = assembler(target);
    MessageBatchAssembler reference = new MessageBatchAssembler(target, Scrapes.NOW_MS);

    byte[] bytes = encodeDirect(visitMixed(direct));

    assertThat(bytes).isEqualTo(encodeReference(visitMixed(reference)).toByteArray());
  }

  /** Native histograms with exemplars, timestamps, zero values, duplicates, a unit and help. */
  private static <V extends SampleVisitor> V visitMixed(V visitor) {
    NativeHistogram histogram =
        NativeHistogram.newBuilder()
            .setCountInt(7)
            .setSum(2.5)
            .setSchema(-1)
            .setZeroThreshold(1e-9)
            .setZeroCountInt(1)
            .addPositiveSpans(BucketSpan.newBuilder().setOffset(-2).setLength(2))
            .addPositiveDeltas(3)
            .addPositiveDeltas(-1)
            .build();
    visitor.help("rpc", "latency \u00e9\u20ac\ud83d\ude00");
    visitor.unit("rpc", "seconds");
    visitor.type("rpc", MetricType.HISTOGRAM);
    visitor.histogram(labels("__name__", "rpc", "instance", "exposed"), histogram, true, -5L);
    visitor.exemplar(labels("trace_id", "abc"), Double.doubleToRawLongBits(0.5), true, 12L);
    visitor.exemplar(labels("span", ""), 0L, false, 0L);
    visitor.sample(labels("__name__", "zero", "a", ""), 0L, false, 0L);
    visitor.sample(labels("__name__", "zero", "a", ""), 1L, false, 0L);
    visitor.sample(labels("__name__", "late", "job", "x"), 1L, true, Scrapes.NOW_MS);
    visitor.exemplar(labels("k", "v"), 2L, false, 0L);
    return visitor;
  }

  private static LabelView labels(String... namesAndValues) {
    return new LabelView() {
      @Override
      public int size() {
        return namesAndValues.length / 2;
      }

      @Override
      public String name(int i) {
        return namesAndValues[2 * i];
      }

      @Override
      public String value(int i) {
        return namesAndValues[2 * i + 1];
      }
    };
  }

  static Stream<Arguments> bodies() throws IOException, URISyntaxException {
    Path conformance = Path.of(DirectEncodingTest.class.getResource("/conformance/valid").toURI());
    try (Stream<Path> cases = Files.walk(conformance);
        Stream<Path> real = Files.list(expositions())) {
      return Stream.concat(
              cases.filter(p -> p.toString().endsWith(".txt")).sorted().toList().stream(),
              real.sorted().toList().stream())
          .flatMap(
              p ->
                  Stream.of(false, true)
                      .map(honor -> Arguments.of(name(conformance, p), p, honor)));
    }
  }

  private static String name(Path conformance, Path body) {
    return body.startsWith(conformance)
        ? conformance.relativize(body).toString()
        : body.getFileName().toString();
  }

  private static Path expositions() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("shared/testdata/expositions");
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException("shared/testdata/expositions not found");
  }

  private static BatchAssembler assembler(ScrapeTarget target) {
    return assembler(target, new ScrapeBuffers());
  }

  private static BatchAssembler assembler(ScrapeTarget target, ScrapeBuffers buffers) {
    return new BatchAssembler(
        TargetLabels.of(target),
        new SampleLimits(ScrapeLimits.NONE),
        new SampleAdmission(0, Scrapes.NOW_MS, buffers.seen),
        MetricRelabeling.NONE,
        buffers);
  }

  private static <V extends SampleVisitor> V parse(ExpositionFormat format, Path body, V visitor)
      throws IOException, ExpositionParseException {
    byte[] bytes = Files.readAllBytes(body);
    format.newParser().parse(bytes, 0, bytes.length, visitor);
    return visitor;
  }

  private static <V extends SampleVisitor> V body(String text, V visitor)
      throws ExpositionParseException {
    byte[] bytes = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    ExpositionFormat.PROMETHEUS_TEXT.newParser().parse(bytes, 0, bytes.length, visitor);
    return visitor;
  }

  private static byte[] encodeDirect(BatchAssembler parsed) {
    parsed.synthetic("up", 1);
    parsed.synthetic("scrape_samples_scraped", 3);
    return BatchEncoding.encode(parsed.buffers(), TARGET, Scrapes.NOW_MS, REPORT);
  }

  private static ScrapeBatch encodeReference(MessageBatchAssembler parsed) {
    parsed.synthetic("up", 1);
    parsed.synthetic("scrape_samples_scraped", 3);
    return parsed
        .toBatch()
        .setTarget(TARGET)
        .setTimestampMs(Scrapes.NOW_MS)
        .setReport(REPORT)
        .build();
  }
}
