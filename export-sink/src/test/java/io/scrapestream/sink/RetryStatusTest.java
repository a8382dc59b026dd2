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
        "server returned HTTP status 429: slow down | 429",
        "server returned HTTP status 503: overloaded | 5xx",
        "server returned HTTP status 500 | 5xx",
        "3 of 5 documents not written yet; first: document refused with status 429: es_rejected | 429",
        "POST http://p/api/v1/write failed: no response within PT30S | timeout",
        "POST http://p/api/v1/write failed: ConnectException: Connection refused | connection",
        "could not append to /x: AccessDeniedException: /x | other",
        "interrupted while sending to http://p/api/v1/write | other",
        "server returned HTTP status 408 | other"
      })
  void shouldClassifyTheReasonWhenAnExportIsRetryable(String reason, String label) {
    assertThat(RetryStatus.of(new ExportOutcome.Retryable(reason, Optional.empty())).label())
        .isEqualTo(label);
  }
}
