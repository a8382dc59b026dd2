package io.scrapestream.core.target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The key is a wire contract (the Kafka record key, the allocator's identity): these expected
 * values were computed independently (Python's hashlib over the documented encoding) and must
 * never change.
 */
class TargetKeyTest {

  @Test
  void shouldHashToTheDocumentedValueWhenTheTargetHasNoParams() {
    TargetKey key = TargetKey.of("node", "10.0.0.1:9100", "/metrics", "http", Map.of());

    assertThat(key.value()).isEqualTo("14f9cb6b7361f670");
  }

  @Test
  void shouldHashParamsInNameOrderWhenTheyAreWrittenInAnotherOrder() {
    Map<String, List<String>> params = new LinkedHashMap<>();
    params.put("target", List.of("router"));
    params.put("module", List.of("if_mib"));

    TargetKey key = TargetKey.of("snmp", "192.168.1.2:161", "/snmp", "https", params);

    assertThat(key.value()).isEqualTo("bb8d911c656ec015");
  }

  @Test
  void shouldDifferWhenOnlyTheBoundaryBetweenPartsMoves() {
    TargetKey one = TargetKey.of("ab", "c:1", "/m", "http", Map.of());
    TargetKey other = TargetKey.of("a", "bc:1", "/m", "http", Map.of());

    assertThat(one).isNotEqualTo(other);
  }

  @Test
  void shouldReadTheKeyAsAnUnsignedNumberWhenTheTopBitIsSet() {
    assertThat(new TargetKey("bb8d911c656ec015").asLong()).isEqualTo(0xbb8d911c656ec015L);
  }

  @Test
  void shouldRejectAKeyWhenItIsNotSixteenHexDigits() {
    assertThatThrownBy(() -> new TargetKey("XYZ"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("target key must be 16 hex digits. Found: XYZ");
  }
}
