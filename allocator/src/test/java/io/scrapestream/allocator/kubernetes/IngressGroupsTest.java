package io.scrapestream.allocator.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IngressGroupsTest {

  @ParameterizedTest(name = "{0} covers {1}: {2}")
  @CsvSource({
    "example.com, example.com, true",
    "*.example.com, test.example.com, true",
    "*.example.com, example.com, false",
    "*.example.com, a.test.example.com, false",
    "test.example.com, *.example.com, false",
    "*.example.org, test.example.com, false"
  })
  void shouldMatchLikePrometheusWhenTlsHostIsAPattern(String pattern, String host, boolean match) {
    assertThat(IngressGroups.matchesHost(pattern, host)).isEqualTo(match);
  }
}
