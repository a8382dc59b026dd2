package io.scrapestream.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Real exporter output from {@code shared/testdata/expositions} parses in full. */
class RealExpositionsTest {

  static Path expositions() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("shared/testdata/expositions");
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException(
        "shared/testdata/expositions not found above " + Path.of("").toAbsolutePath());
  }

  static Stream<Path> files() throws IOException {
    try (Stream<Path> list = Files.list(expositions())) {
      return list.sorted().toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("files")
  void shouldParseEverySampleWhenFileIsRealExporterOutput(Path file) throws Exception {
    byte[] body = Files.readAllBytes(file);
    RecordingVisitor visitor = new RecordingVisitor();

    ExpositionFormat.PROMETHEUS_TEXT.newParser().parse(body, 0, body.length, visitor);

    assertThat(visitor.samples).isEqualTo(sampleLines(body)).isPositive();
  }

  @Test
  void shouldFindAllSevenFilesWhenTestDataIsPresent() throws IOException {
    assertThat(files().map(p -> p.getFileName().toString()))
        .contains("node_exporter-1.5.0.prom", "cadvisor-prometheus_metrics.txt")
        .hasSize(7);
  }

  @Test
  void shouldReturnSameStringsWhenSameBodyIsParsedAgain() throws Exception {
    byte[] body = Files.readAllBytes(expositions().resolve("node_exporter-1.5.0.prom"));
    ExpositionParser parser = ExpositionFormat.PROMETHEUS_TEXT.newParser();
    LabelCapture first = new LabelCapture();
    LabelCapture second = new LabelCapture();

    parser.parse(body, 0, body.length, first);
    parser.parse(body, 0, body.length, second);

    assertThat(second.lastName).isSameAs(first.lastName);
    assertThat(second.lastValue).isSameAs(first.lastValue);
  }

  /** Counts lines that are neither blank nor comments: each is one sample in these files. */
  private static long sampleLines(byte[] body) {
    return new String(body, StandardCharsets.UTF_8)
        .lines()
        .map(String::strip)
        .filter(l -> !l.isEmpty() && !l.startsWith("#"))
        .count();
  }

  /** Keeps the strings of the last label of the last sample. */
  private static final class LabelCapture extends RecordingVisitorBase {
    String lastName;
    String lastValue;

    @Override
    public void sample(LabelView labels, long valueBits, boolean hasTimestamp, long timestampMs) {
      lastName = labels.name(labels.size() - 1);
      lastValue = labels.value(labels.size() - 1);
    }
  }
}
