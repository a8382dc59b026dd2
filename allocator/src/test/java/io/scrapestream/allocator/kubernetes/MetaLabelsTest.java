package io.scrapestream.allocator.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MetaLabelsTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "app.kubernetes.io/name, app_kubernetes_io_name",
    "test-label, test_label",
    "ok_Name9, ok_Name9",
    "ünï, _n_",
    "a😀b, a_b"
  })
  void shouldReplaceEveryInvalidCharacterWhenSanitizing(String name, String expected) {
    assertThat(MetaLabels.sanitize(name)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "10.1.2.3, 4",
    "256.1.2.3, 0",
    "fd00::5, 6",
    "::ffff:10.1.2.3, 4",
    "not-an-ip, 0",
    "fd00:::5, 0"
  })
  void shouldTellIpVersionWhenGivenALiteral(String address, int version) {
    assertThat(MetaLabels.ipVersion(address)).isEqualTo(version);
  }

  @Test
  void shouldBracketIpv6HostWhenJoiningHostAndPort() {
    assertThat(MetaLabels.joinHostPort("fd00::5", 9100)).isEqualTo("[fd00::5]:9100");
    assertThat(MetaLabels.joinHostPort("10.0.0.1", 9100)).isEqualTo("10.0.0.1:9100");
  }
}
