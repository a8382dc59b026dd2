package io.scrapestream.core.relabel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.scrapestream.core.config.ConfigLoader;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Cases whose expected labels were observed on a real Prometheus (see the {@code source} field of
 * {@code /relabel/prometheus-observed.json}): regex translation, template expansion, every action,
 * and the relabel configs of Prometheus's own benchmark. Rules are read from YAML as a user writes
 * them; the result goes through what Prometheus does to a target's labels after relabeling.
 */
class RelabelerPrometheusObservedTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @ParameterizedTest(name = "{0}")
  @MethodSource("observedCases")
  void shouldGiveWhatPrometheusShowedWhenRelabelingTheObservedCase(
      String name, Map<String, String> input, String rules, JsonNode expected) throws Exception {
    Relabeler relabeler = new Relabeler(ConfigLoader.loadRelabelConfigs(rules, name));

    Optional<SortedMap<String, String>> result = relabeler.apply(input);

    Object shown =
        result.<Object>map(RelabelerPrometheusObservedTest::targetLabels).orElse("dropped");
    Object observed =
        expected.isTextual()
            ? expected.asText()
            : JSON.convertValue(expected, new TypeReference<TreeMap<String, String>>() {});
    assertThat(shown).isEqualTo(observed);
  }

  /** Prometheus's target labels: no label starting with __, instance defaulting to __address__. */
  private static Map<String, String> targetLabels(SortedMap<String, String> relabeled) {
    Map<String, String> shown = new TreeMap<>();
    relabeled.forEach(
        (name, value) -> {
          if (!name.startsWith("__")) {
            shown.put(name, value);
          }
        });
    shown.putIfAbsent("instance", relabeled.get("__address__"));
    return shown;
  }

  static Stream<Arguments> observedCases() throws IOException {
    JsonNode cases;
    try (InputStream in =
        RelabelerPrometheusObservedTest.class.getResourceAsStream(
            "/relabel/prometheus-observed.json")) {
      cases = JSON.readTree(in).get("cases");
    }
    return StreamSupport.stream(cases.spliterator(), false)
        .map(
            c ->
                arguments(
                    c.get("name").asText(),
                    JSON.convertValue(c.get("input"), new TypeReference<Map<String, String>>() {}),
                    c.get("rules").asText(),
                    c.get("expected")));
  }
}
