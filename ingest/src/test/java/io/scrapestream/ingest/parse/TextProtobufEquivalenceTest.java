package io.scrapestream.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The real expositions parse to the same samples as text and as the same data in protobuf ({@link
 * TextToProtobuf}): same names, labels and value bits, whatever the order. Only the {@code le} and
 * {@code quantile} values are compared as numbers: protobuf carries them as floats, which
 * Prometheus formats its own way ({@code 1.0} where the text said {@code 1}). Help texts agree for
 * every family that has samples (protobuf skips families without, as Prometheus does).
 */
class TextProtobufEquivalenceTest {

  static java.util.stream.Stream<Path> files() throws Exception {
    return RealExpositionsTest.files();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("files")
  void shouldProduceTheSameSamplesWhenTheSameDataComesAsProtobuf(Path file) throws Exception {
    byte[] text = Files.readAllBytes(file);
    byte[] protobuf = TextToProtobuf.convert(text);
    Canonical fromText = new Canonical();
    Canonical fromProtobuf = new Canonical();

    new PrometheusTextParser().parse(text, 0, text.length, fromText);
    new ProtobufParser(false).parse(protobuf, 0, protobuf.length, fromProtobuf);

    assertThat(fromText.samples).isNotEmpty();
    assertThat(fromProtobuf.samples).containsExactlyInAnyOrderElementsOf(fromText.samples);
    assertThat(fromText.help).containsAllEntriesOf(fromProtobuf.help);
  }

  /** Each sample as {@code name{sorted labels} <value bits in hex> @ts}. */
  private static final class Canonical extends RecordingVisitorBase {
    final List<String> samples = new ArrayList<>();
    final Map<String, String> help = new TreeMap<>();

    @Override
    public void help(String family, String text) {
      help.put(family, text);
    }

    @Override
    public void sample(LabelView labels, long valueBits, boolean hasTimestamp, long timestampMs) {
      TreeMap<String, String> sorted = new TreeMap<>();
      for (int i = 1; i < labels.size(); i++) {
        String name = labels.name(i);
        String value = labels.value(i);
        boolean numeric = name.equals("le") || name.equals("quantile");
        sorted.put(
            name, numeric ? ProtoNumbers.formatOpenMetrics(TextToProtobuf.number(value)) : value);
      }
      samples.add(
          labels.value(0)
              + sorted
              + " "
              + Long.toHexString(valueBits)
              + (hasTimestamp ? " @" + timestampMs : ""));
    }
  }
}
