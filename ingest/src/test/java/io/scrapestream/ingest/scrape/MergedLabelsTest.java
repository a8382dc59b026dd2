package io.scrapestream.ingest.scrape;

import static org.assertj.core.api.Assertions.assertThat;

import io.scrapestream.ingest.parse.LabelView;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class MergedLabelsTest {
  private final MergedLabels labels = new MergedLabels();

  @Test
  void shouldSortAsTreeMapWhenExposedLabelsAreUnsorted() {
    List<String> names = List.of("__name__", "zone", "Zeta", "a", "_b", "\u00e9", "a_");
    labels.load(view(names));

    TreeMap<String, String> expected = new TreeMap<>();
    names.forEach(n -> expected.put(n, "v_" + n));
    assertThat(labels.toMap()).containsExactlyEntriesOf(expected);
    assertThat(labels.name(0)).isEqualTo("Zeta");
  }

  @Test
  void shouldInsertInOrderAndReplaceWhenPutAsTreeMapPut() {
    labels.load(view(List.of("__name__", "m")));

    labels.put("job", "j");
    labels.put("m", "");
    labels.put("a", "x");
    labels.removeEmptyValues();

    assertThat(labels.toMap())
        .containsExactly(
            java.util.Map.entry("__name__", "v___name__"),
            java.util.Map.entry("a", "x"),
            java.util.Map.entry("job", "j"));
    assertThat(labels.indexOf("m")).isEqualTo(-4);
  }

  private static LabelView view(List<String> names) {
    return new LabelView() {
      @Override
      public int size() {
        return names.size();
      }

      @Override
      public String name(int i) {
        return names.get(i);
      }

      @Override
      public String value(int i) {
        return "v_" + names.get(i);
      }
    };
  }
}
