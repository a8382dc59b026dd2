package io.scrapestream.sink;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RetryStatusTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "server returned HTTP status 429: slow down | 429 | 429",
        "server returned HTTP status 503: overloaded | 503 | 5xx",
        "server returned HTTP status 500 | 500 | 5xx",
        "3 of 5 documents not written yet; first: document refused with status 429: x | 429 | 429",
        "interrupted while waiting to retry; last failure: slow down | 503 | 5xx",
        "server returned HTTP status 408 | 408 | other",
        "server returned HTTP status 503, said the proxy | 408 | other",
        "POST http://p/api/v1/write failed: no response within PT30S | 0 | timeout",
        "POST http://p/api/v1/write failed: ConnectException: Connection refused | 0 | connection",
        "could not append to /x: AccessDeniedException: /x | 0 | other",
        "interrupted while sending to http://p/api/v1/write | 0 | other",
        "server returned HTTP status 429 | 0 | other"
      })
  void shouldClassifyByTheStatusElseTheReasonWhenAnExportIsRetryable(
      String reason, int status, String label) {
    ExportOutcome.Retryable outcome = new ExportOutcome.Retryable(reason, Optional.empty(), status);

    assertThat(RetryStatus.of(outcome).label()).isEqualTo(label);
  }
}
