package io.scrapestream.sink.remotewrite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scrapestream.sink.ExportOutcome;
import java.net.http.HttpHeaders;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RemoteWriteResponsesTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2015-10-21T07:27:30Z"), ZoneOffset.UTC);

  static Stream<Arguments> responses() {
    return Stream.of(
        Arguments.of(200, null, "", Optional.empty()),
        Arguments.of(204, null, "", Optional.empty()),
        Arguments.of(299, "10", "ok", Optional.empty()),
        Arguments.of(
            400,
            null,
            "out of order sample\n",
            rejected("server returned HTTP status 400: out of order sample", 400)),
        Arguments.of(401, "10", "", rejected("server returned HTTP status 401", 401)),
        Arguments.of(
            404, null, "not found", rejected("server returned HTTP status 404: not found", 404)),
        Arguments.of(413, null, "", rejected("server returned HTTP status 413", 413)),
        Arguments.of(301, null, "", rejected("server returned HTTP status 301", 301)),
        Arguments.of(101, null, "", rejected("server returned HTTP status 101", 101)),
        Arguments.of(
            429, null, "slow down", retryable("server returned HTTP status 429: slow down", null)),
        Arguments.of(
            429, "5", "", retryable("server returned HTTP status 429", Duration.ofSeconds(5))),
        Arguments.of(500, " 0 ", "", retryable("server returned HTTP status 500", Duration.ZERO)),
        Arguments.of(
            503,
            "Wed, 21 Oct 2015 07:28:00 GMT",
            "",
            retryable("server returned HTTP status 503", Duration.ofSeconds(30))),
        Arguments.of(
            502,
            "Wed, 21 Oct 2015 07:00:00 GMT",
            "",
            retryable("server returned HTTP status 502", Duration.ZERO)),
        Arguments.of(504, "soon", "", retryable("server returned HTTP status 504", null)),
        Arguments.of(599, "-3", "", retryable("server returned HTTP status 599", null)));
  }

  @ParameterizedTest(name = "{0} Retry-After={1}")
  @MethodSource("responses")
  void shouldClassifyAsTheSpecSaysWhenReceiverAnswers(
      int status, String retryAfter, String body, Optional<ExportOutcome> expected) {
    assertThat(RemoteWriteResponses.classify(status, headers(retryAfter), body, CLOCK))
        .isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("responses")
  void shouldFindRetryAfterWhateverItsCaseWhenHeaderNameIsLowerCase(
      int status, String retryAfter, String body, Optional<ExportOutcome> expected) {
    HttpHeaders headers =
        retryAfter == null
            ? headers(null)
            : HttpHeaders.of(Map.of("retry-after", List.of(retryAfter)), (n, v) -> true);

    assertThat(RemoteWriteResponses.classify(status, headers, body, CLOCK)).isEqualTo(expected);
  }

  @org.junit.jupiter.api.Test
  void shouldCutBodyTo1KiBWhenQuotingIt() {
    String body = "x".repeat(1024) + "TAIL";

    ExportOutcome outcome =
        RemoteWriteResponses.classify(400, headers(null), body, CLOCK).orElseThrow();

    assertThat(outcome)
        .isEqualTo(
            new ExportOutcome.Rejected(
                "server returned HTTP status 400: " + "x".repeat(1024) + "...", 400));
  }

  @org.junit.jupiter.api.Test
  void shouldRefuseStatusWhenOutsideHttpRange() {
    assertThatThrownBy(() -> RemoteWriteResponses.classify(600, headers(null), "", CLOCK))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("status: must be 100-599. Found: 600");
  }

  private static HttpHeaders headers(String retryAfter) {
    Map<String, List<String>> map =
        retryAfter == null ? Map.of() : Map.of("Retry-After", List.of(retryAfter));
    return HttpHeaders.of(map, (name, value) -> true);
  }

  private static Optional<ExportOutcome> rejected(String reason, int status) {
    return Optional.of(new ExportOutcome.Rejected(reason, status));
  }

  /** A retryable outcome whose status is the one its reason quotes. */
  private static Optional<ExportOutcome> retryable(String reason, Duration retryAfter) {
    int status = Integer.parseInt(reason.substring(28, 31));
    return Optional.of(
        new ExportOutcome.Retryable(reason, Optional.ofNullable(retryAfter), status));
  }
}
