package io.scrapestream.ingest.assign;

import static org.assertj.core.api.Assertions.assertThat;

import io.scrapestream.core.config.ScrapeConfig;
import io.scrapestream.core.config.StaticConfig;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScrapeAssignmentTest {
  @Test
  void shouldLeaveServedJobsToAllocatorWhenLocalJobHasTheSameName() {
    JobAssignment allocated = new JobAssignment(job("a", "x:1"), "{}", List.of());

    List<JobAssignment> all =
        ScrapeAssignment.combine(List.of(allocated), List.of(job("a", "l:1"), job("b", "l:2")));

    assertThat(all).extracting(JobAssignment::jobName).containsExactly("a", "b");
    assertThat(all.get(0)).isSameAs(allocated);
    assertThat(all.get(1).source()).isEqualTo(ScrapeAssignment.LOCAL_SOURCE);
    assertThat(all.get(1).targets())
        .extracting(t -> t.url().toString())
        .containsExactly("http://l:2/metrics");
  }

  @ParameterizedTest
  @CsvSource({
    "0, 5, ''",
    "5, 5, ''",
    "4, 5, 'target_limit exceeded (number of targets: 5, limit: 4)'"
  })
  void shouldFailEveryTargetOfTheJobWhenItHasMoreThanTargetLimit(
      int limit, int targets, String expected) {
    assertThat(ScrapeAssignment.targetLimitError(limit, targets)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({
    "'server returned HTTP status 503 Service Unavailable', STATUS",
    "'Get \"http://a:1/scrape_configs\": connect: connection refused', UNREACHABLE",
    "'body size limit exceeded', UNREACHABLE"
  })
  void shouldClassifyFailureWhenFetchFails(String message, PollFailure expected) {
    assertThat(AllocatorApi.classify(message)).isEqualTo(expected);
  }

  private static ScrapeConfig job(String name, String target) {
    return new ScrapeConfig(
        name,
        Duration.ofSeconds(10),
        Duration.ofSeconds(10),
        "/metrics",
        "http",
        Map.of(),
        false,
        true,
        List.of(new StaticConfig(List.of(target), Map.of())));
  }
}
