package io.scrapestream.allocator.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TargetGroupParserTest {
  private static final Map.Entry<String, String> META = Map.entry("__meta_url", "http://sd/");

  @Test
  void shouldNumberSourcesAndAddTheMetaLabelWhenGroupsAreValid() {
    Refresh refresh =
        parse(
            "[{\"targets\":[\"a:1\",\"b:2\"],\"labels\":{\"env\":\"dev\"}},{\"targets\":[]}]",
            TargetGroupParser.Format.JSON);

    assertThat(refresh)
        .isEqualTo(
            new Refresh.Succeeded(
                List.of(
                    new TargetGroup(
                        "http://sd/:0",
                        List.of(Map.of("__address__", "a:1"), Map.of("__address__", "b:2")),
                        Map.of("env", "dev", "__meta_url", "http://sd/")),
                    new TargetGroup(
                        "http://sd/:1", List.of(), Map.of("__meta_url", "http://sd/")))));
  }

  @Test
  void shouldReadYamlWhenFormatIsYaml() {
    Refresh refresh =
        parse("- targets: [a:1]\n  labels: {zone: b}\n", TargetGroupParser.Format.YAML);

    assertThat(refresh)
        .isEqualTo(
            new Refresh.Succeeded(
                List.of(
                    new TargetGroup(
                        "http://sd/:0",
                        List.of(Map.of("__address__", "a:1")),
                        Map.of("zone", "b", "__meta_url", "http://sd/")))));
  }

  @Test
  void shouldFailWithTheReasonWhenTheDocumentIsNotAListOfGroups() {
    assertThat(parse("{\"targets\":[]}", TargetGroupParser.Format.JSON))
        .isEqualTo(new Refresh.Failed("must be a list of target groups. Found: a mapping"));
    assertThat(parse("[null]", TargetGroupParser.Format.JSON))
        .isEqualTo(new Refresh.Failed("group 0: nil target group item found"));
    assertThat(parse("[{\"targets\":[1]}]", TargetGroupParser.Format.JSON))
        .isEqualTo(new Refresh.Failed("group 0: targets must be strings. Found: 1"));
    assertThat(parse("[{\"labels\":{\"a\":[]}}]", TargetGroupParser.Format.JSON))
        .isEqualTo(
            new Refresh.Failed(
                "group 0: label \"a\" must have a non-empty name and a string value"));
    assertThat(parse("[{", TargetGroupParser.Format.JSON)).isInstanceOf(Refresh.Failed.class);
  }

  private static Refresh parse(String text, TargetGroupParser.Format format) {
    return TargetGroupParser.parse(
        text.getBytes(StandardCharsets.UTF_8), format, "http://sd/", META);
  }
}
