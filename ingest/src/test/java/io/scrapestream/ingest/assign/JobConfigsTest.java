package io.scrapestream.ingest.assign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.URI;
import org.junit.jupiter.api.Test;

class JobConfigsTest {
  @Test
  void shouldRefuseJobWhenAllocatorRedactedTheProxyPassword() {
    PollException e =
        catchThrowableOfType(
            () ->
                JobConfigs.read(
                    "a", "{\"job_name\": \"a\", \"proxy_url\": \"http://u:xxxxx@proxy:3128\"}"),
            PollException.class);

    assertThat(e.reason()).isEqualTo(PollFailure.REDACTED_SECRET);
    assertThat(e.getMessage())
        .isEqualTo(
            "job a: the allocator redacted the proxy_url password as xxxxx (serve secrets over"
                + " HTTPS with an API token or client certificate)");
  }

  @Test
  void shouldKeepProxyCredentialsWhenAllocatorRevealedThem() throws Exception {
    assertThat(
            JobConfigs.read(
                    "a", "{\"job_name\": \"a\", \"proxy_url\": \"http://u:s3cret@proxy:3128\"}")
                .http()
                .proxy()
                .url())
        .contains(URI.create("http://u:s3cret@proxy:3128"));
  }
}
