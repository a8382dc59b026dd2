package io.scrapestream.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Truncated and corrupted bodies fail with {@link ExpositionParseException} and nothing else. */
class MalformedInputTest {

  private static final int MUTATIONS = 1500;
  private static final byte[] INTERESTING =
      "{}\",=# \n\\\t.eE+-_:0aZ\u00ff".getBytes(StandardCharsets.ISO_8859_1);

  @Test
  void shouldThrowOnlyParseExceptionsWhenTextBodyIsMutated() throws Exception {
    byte[] body =
        Files.readAllBytes(RealExpositionsTest.expositions().resolve("prometheus-2.42.0.prom"));

    int failures = mutateAndParse(body, ExpositionFormat.PROMETHEUS_TEXT, 42);

    assertThat(failures).isPositive();
  }

  @Test
  void shouldThrowOnlyParseExceptionsWhenOpenMetricsBodyIsMutated() throws Exception {
    byte[] body =
        Files.readAllBytes(ConformanceTest.resource("valid/openmetrics/histogram_exemplars.txt"));

    int failures = mutateAndParse(body, ExpositionFormat.OPENMETRICS_TEXT, 7);

    assertThat(failures).isPositive();
  }

  @Test
  void shouldThrowOnlyParseExceptionsWhenProtobufBodyIsMutated() throws Exception {
    byte[] text =
        Files.readAllBytes(RealExpositionsTest.expositions().resolve("prometheus-2.42.0.prom"));
    byte[] body = TextToProtobuf.convert(text);
    Random random = new Random(11);
    ExpositionParser parser = ExpositionFormat.PROMETHEUS_PROTOBUF.newParser(true);
    int rejected = 0;
    for (int i = 0; i < MUTATIONS; i++) {
      byte[] mutant = mutate(body, random);
      try {
        parser.parse(mutant, 0, mutant.length, new RecordingVisitor());
      } catch (ExpositionParseException e) {
        assertThat(e.getMessage()).startsWith("metric family ");
        rejected++;
      }
    }

    assertThat(rejected).isPositive();
  }

  /** Parses {@link #MUTATIONS} mutants with one reused parser; returns how many were rejected. */
  private static int mutateAndParse(byte[] body, ExpositionFormat format, long seed) {
    Random random = new Random(seed);
    ExpositionParser parser = format.newParser();
    int rejected = 0;
    for (int i = 0; i < MUTATIONS; i++) {
      byte[] mutant = mutate(body, random);
      try {
        parser.parse(mutant, 0, mutant.length, new RecordingVisitorBase());
      } catch (ExpositionParseException e) {
        assertThat(e.line()).isPositive();
        assertThat(e.column()).isPositive();
        rejected++;
      }
    }
    return rejected;
  }

  private static byte[] mutate(byte[] body, Random random) {
    byte[] mutant =
        Arrays.copyOf(body, random.nextInt(3) == 0 ? random.nextInt(body.length + 1) : body.length);
    int flips = 1 + random.nextInt(4);
    for (int f = 0; f < flips && mutant.length > 0; f++) {
      int at = random.nextInt(mutant.length);
      mutant[at] =
          random.nextBoolean()
              ? INTERESTING[random.nextInt(INTERESTING.length)]
              : (byte) random.nextInt(256);
    }
    return mutant;
  }
}
