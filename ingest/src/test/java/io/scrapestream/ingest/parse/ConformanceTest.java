package io.scrapestream.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The conformance table: {@code conformance/valid/<format>/<case>.txt} must parse to exactly the
 * events of {@code <case>.expected} (see {@link RecordingVisitor}); {@code
 * conformance/invalid/<format>/<case>.txt} must be rejected with the line, column and message of
 * {@code <case>.error} ({@code L:C message}). {@code <format>} is {@code text} or {@code
 * openmetrics}.
 */
class ConformanceTest {

  @ParameterizedTest(name = "{0}")
  @MethodSource("validCases")
  void shouldReportExactSeriesWhenInputIsValid(String name, Path input) throws Exception {
    RecordingVisitor visitor = new RecordingVisitor();
    byte[] body = Files.readAllBytes(input);

    formatOf(input).newParser().parse(body, 0, body.length, visitor);

    assertThat(visitor.events).containsExactlyElementsOf(readLines(sidecar(input, ".expected")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidCases")
  void shouldRejectWithPositionWhenInputIsInvalid(String name, Path input) throws Exception {
    String expected = readLines(sidecar(input, ".error")).get(0);
    byte[] body = Files.readAllBytes(input);

    ExpositionParseException e =
        catchThrowableOfType(
            ExpositionParseException.class,
            () -> formatOf(input).newParser().parse(body, 0, body.length, new RecordingVisitor()));

    assertThat(e).as("no error for %s", name).isNotNull();
    assertThat(
            e.line()
                + ":"
                + e.column()
                + " "
                + e.getMessage().replaceFirst("^line \\d+, column \\d+: ", ""))
        .isEqualTo(expected);
  }

  static Stream<Arguments> validCases() throws IOException, URISyntaxException {
    return cases("valid");
  }

  static Stream<Arguments> invalidCases() throws IOException, URISyntaxException {
    return cases("invalid");
  }

  private static Stream<Arguments> cases(String kind) throws IOException, URISyntaxException {
    Path root = resource(kind);
    try (Stream<Path> files = Files.walk(root)) {
      List<Path> inputs = files.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
      assertThat(inputs).as("conformance cases under %s", root).isNotEmpty();
      return inputs.stream().map(p -> Arguments.of(root.relativize(p).toString(), p));
    }
  }

  /** A file under {@code src/test/resources/conformance}. */
  static Path resource(String relative) throws URISyntaxException {
    return Path.of(ConformanceTest.class.getResource("/conformance/" + relative).toURI());
  }

  private static ExpositionFormat formatOf(Path input) {
    return input.getParent().getFileName().toString().equals("openmetrics")
        ? ExpositionFormat.OPENMETRICS_TEXT
        : ExpositionFormat.PROMETHEUS_TEXT;
  }

  private static Path sidecar(Path input, String extension) {
    String file = input.getFileName().toString();
    return input.resolveSibling(file.substring(0, file.length() - 4) + extension);
  }

  private static List<String> readLines(Path file) throws IOException {
    return Files.readAllLines(file, StandardCharsets.UTF_8);
  }
}
