package io.scrapestream.allocator.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TargetGroupTest {

  @Test
  void shouldKeepItsOwnCopyWhenTheCallerChangesTheInputs() {
    Map<String, String> target = new HashMap<>(Map.of("__address__", "10.0.0.1:9100"));
    List<Map<String, String>> targets = new ArrayList<>(List.of(target));

    TargetGroup group = new TargetGroup("file.json:0", targets, Map.of("env", "dev"));
    target.put("__address__", "changed:1");
    targets.clear();

    assertThat(group.targets()).containsExactly(Map.of("__address__", "10.0.0.1:9100"));
  }

  @Test
  void shouldHaveNoTargetsWhenEmpty() {
    assertThat(TargetGroup.empty("pod/ns/web"))
        .isEqualTo(new TargetGroup("pod/ns/web", List.of(), Map.of()));
  }

  @Test
  void shouldRejectAGroupWhenTheSourceIsMissing() {
    assertThatThrownBy(() -> new TargetGroup(null, List.of(), Map.of()))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("source must not be null");
  }
}
