package io.scrapestream.sink.otlp;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import com.google.protobuf.UnknownFieldSet;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsPartialSuccess;
import io.scrapestream.sink.ExportOutcome;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class OtlpResponsesTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2024-01-01T00:00:00Z"), ZoneOffset.UTC);

  static Stream<Arguments> statuses() {
    return Stream.of(
        Arguments.of(200, "", Optional.empty()),
        Arguments.of(202, "", Optional.empty()),
        Arguments.of(
            429,
            "7",
            Optional.of(
                new ExportOutcome.Retryable(
                    "server returned HTTP status 429: m",
                    Optional.of(Duration.ofSeconds(7)),
                    429))),
        Arguments.of(
            502,
            "",
            Optional.of(
                new ExportOutcome.Retryable(
                    "server returned HTTP status 502: m", Optional.empty(), 502))),
        Arguments.of(
            503,
            "Mon, 01 Jan 2024 00:00:30 GMT",
            Optional.of(
                new ExportOutcome.Retryable(
                    "server returned HTTP status 503: m",
                    Optional.of(Duration.ofSeconds(30)),
                    503))),
        Arguments.of(
            504,
            "",
            Optional.of(
                new ExportOutcome.Retryable(
                    "server returned HTTP status 504: m", Optional.empty(), 504))),
        Arguments.of(
            500,
            "",
            Optional.of(new ExportOutcome.Rejected("server returned HTTP status 500: m", 500))),
        Arguments.of(
            501,
            "",
            Optional.of(new ExportOutcome.Rejected("server returned HTTP status 501: m", 501))),
        Arguments.of(
            400,
            "",
            Optional.of(new ExportOutcome.Rejected("server returned HTTP status 400: m", 400))),
        Arguments.of(
            413,
            "9",
            Optional.of(new ExportOutcome.Rejected("server returned HTTP status 413: m", 413))));
  }

  @ParameterizedTest
  @MethodSource("statuses")
  void shouldClassifyAsOtlpSpecifiesWhenStatusIsGiven(
      int status, String retryAfter, Optional<ExportOutcome> expected) {
    HttpHeaders headers =
        HttpHeaders.of(
            retryAfter.isEmpty() ? Map.of() : Map.of("Retry-After", List.of(retryAfter)),
            (name, value) -> true);

    assertThat(OtlpResponses.classify(status, headers, "m", CLOCK)).isEqualTo(expected);
  }

  @Test
  void shouldReadStatusMessageWhenErrorBodyIsProtobuf() {
    byte[] status =
        UnknownFieldSet.newBuilder()
            .addField(
                2,
                UnknownFieldSet.Field.newBuilder()
                    .addLengthDelimited(ByteString.copyFromUtf8("bad"))
                    .build())
            .build()
            .toByteArray();

    assertThat(OtlpResponses.errorMessage(status, Optional.of("application/x-protobuf")))
        .isEqualTo("bad");
    assertThat(
            OtlpResponses.errorMessage(
                "plain words".getBytes(StandardCharsets.UTF_8), Optional.of("text/plain")))
        .isEqualTo("plain words");
  }

  @Test
  void shouldReadNothingRejectedWhenSuccessBodyIsEmptyOrNotProtobuf() {
    assertThat(OtlpResponses.partialSuccess(new byte[0]))
        .isEqualTo(ExportMetricsPartialSuccess.getDefaultInstance());
    assertThat(
            OtlpResponses.partialSuccess(
                "{\"partialSuccess\":{}}".getBytes(StandardCharsets.UTF_8)))
        .isEqualTo(ExportMetricsPartialSuccess.getDefaultInstance());
  }

  @Test
  void shouldCutMessageAt1KiBWhenReceiverSaysMuch() {
    Optional<ExportOutcome> outcome =
        OtlpResponses.classify(
            400, HttpHeaders.of(Map.of(), (n, v) -> true), "x".repeat(3000), CLOCK);

    assertThat(outcome)
        .contains(
            new ExportOutcome.Rejected(
                "server returned HTTP status 400: " + "x".repeat(1024) + "...", 400));
  }
}
