package io.scrapestream.testsupport.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class SequenceTargetsTest {
  private final HttpClient client = HttpClient.newHttpClient();

  @Test
  void shouldAnswerEachScrapeWithItsSequenceNumberWhenScrapedTwice() throws Exception {
    try (SequenceTargets targets = SequenceTargets.start(2, 2)) {
      scrape(targets, 1);
      String second = scrape(targets, 1);

      assertThat(second)
          .isEqualTo("# TYPE seq gauge\nseq{series=\"s0\"} 2\nseq{series=\"s1\"} 2\n");
      assertThat(targets.scrapes(1)).isEqualTo(2);
      assertThat(targets.scrapes(0)).isZero();
      assertThat(targets.expectedKeys())
          .containsExactlyInAnyOrder(
              SequenceTargets.key(targets.address(1), "s0", 1),
              SequenceTargets.key(targets.address(1), "s1", 1),
              SequenceTargets.key(targets.address(1), "s0", 2),
              SequenceTargets.key(targets.address(1), "s1", 2));
      assertThat(targets.targetOf(targets.address(1))).isEqualTo(1);
      assertThat(targets.targetOf("127.0.0.1:1")).isEqualTo(-1);
    }
  }

  @Test
  void shouldRefuseNoTargetsWhenStarted() {
    assertThatThrownBy(() -> SequenceTargets.start(0, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("targets and seriesPerTarget must be >= 1. Found: 0, 1");
  }

  private String scrape(SequenceTargets targets, int target) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://" + targets.address(target) + "/metrics"))
            .build();
    return client.send(request, HttpResponse.BodyHandlers.ofString()).body();
  }
}
