package io.scrapestream.sink.remotewrite;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpHeaders;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WrittenCountsTest {

  @Test
  void shouldCountAbsentHeaderAsZeroWhenAnotherIsPresent() {
    assertThat(WrittenCounts.from(headers(Map.of(WrittenCounts.SAMPLES_HEADER, "12"))))
        .contains(new WrittenCounts(12, 0, 0));
  }

  @Test
  void shouldReadAllThreeWhenPresent() {
    Map<String, String> all =
        Map.of(
            WrittenCounts.SAMPLES_HEADER, "3",
            WrittenCounts.HISTOGRAMS_HEADER, " 2 ",
            WrittenCounts.EXEMPLARS_HEADER, "9223372036854775807");

    assertThat(WrittenCounts.from(headers(all))).contains(new WrittenCounts(3, 2, Long.MAX_VALUE));
  }

  @Test
  void shouldBeEmptyWhenNoHeaderOrOnlyMalformedOnes() {
    assertThat(WrittenCounts.from(headers(Map.of()))).isEqualTo(Optional.empty());
    assertThat(
            WrittenCounts.from(
                headers(
                    Map.of(
                        WrittenCounts.SAMPLES_HEADER, "many",
                        WrittenCounts.HISTOGRAMS_HEADER, "-1"))))
        .isEqualTo(Optional.empty());
  }

  private static HttpHeaders headers(Map<String, String> values) {
    Map<String, List<String>> lists = new java.util.HashMap<>();
    values.forEach((name, value) -> lists.put(name, List.of(value)));
    return HttpHeaders.of(lists, (name, value) -> true);
  }
}
