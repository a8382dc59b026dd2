package io.scrapestream.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The OpenMetrics rewrite the benchmarks parse is valid OpenMetrics with every sample. */
class TextToOpenMetricsTest {

  static java.util.stream.Stream<Path> files() throws Exception {
    return RealExpositionsTest.files();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("files")
  void shouldParseEverySampleAsOpenMetricsWhenRealExpositionIsRewritten(Path file)
      throws Exception {
    byte[] text = Files.readAllBytes(file);
    RecordingVisitor asText = new RecordingVisitor();
    RecordingVisitor asOpenMetrics = new RecordingVisitor();
    new PrometheusTextParser().parse(text, 0, text.length, asText);

    byte[] openMetrics = TextToOpenMetrics.convert(text);
    new OpenMetricsParser().parse(openMetrics, 0, openMetrics.length, asOpenMetrics);

    assertThat(asOpenMetrics.samples).isEqualTo(asText.samples).isPositive();
  }
}
