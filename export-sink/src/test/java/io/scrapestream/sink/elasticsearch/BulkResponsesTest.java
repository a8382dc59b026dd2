package io.scrapestream.sink.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.scrapestream.sink.ExportOutcome;
import io.scrapestream.sink.elasticsearch.BulkResponses.Item;
import io.scrapestream.sink.elasticsearch.BulkResponses.ItemOutcome;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BulkResponsesTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2024-01-01T00:00:00Z"), ZoneOffset.UTC);

  @Test
  void shouldReadItemsInOrderWhenResponseMixesOutcomes() {
    String body =
        "{\"took\":3,\"errors\":true,\"items\":["
            + "{\"create\":{\"_index\":\"m\",\"_id\":\"a\",\"_version\":1,\"result\":\"created\","
            + "\"_shards\":{\"total\":2,\"successful\":1,\"failed\":0},\"status\":201}},"
            + "{\"create\":{\"_index\":\"m\",\"_id\":\"b\",\"status\":409,\"error\":{\"type\":"
            + "\"version_conflict_engine_exception\",\"reason\":\"[b]: version conflict\","
            + "\"index\":\"m\"}}},"
            + "{\"create\":{\"_index\":\"m\",\"_id\":\"c\",\"status\":429,\"error\":{\"type\":"
            + "\"es_rejected_execution_exception\",\"reason\":\"rejected execution\"}}},"
            + "{\"create\":{\"_index\":\"m\",\"_id\":\"d\",\"status\":400,\"error\":{\"type\":"
            + "\"mapper_parsing_exception\",\"reason\":\"failed to parse field [v]\","
            + "\"caused_by\":{\"type\":\"illegal_argument_exception\",\"reason\":\"x\"}}}},"
            + "{\"create\":{\"_index\":\"m\",\"_id\":\"e\",\"status\":503,\"error\":\"unavailable\"}}"
            + "]}";

    List<Item> items = BulkResponses.items(body.getBytes(StandardCharsets.UTF_8));

    assertThat(items)
        .containsExactly(
            new Item(201, ""),
            new Item(409, "version_conflict_engine_exception: [b]: version conflict"),
            new Item(429, "es_rejected_execution_exception: rejected execution"),
            new Item(400, "mapper_parsing_exception: failed to parse field [v]"),
            new Item(503, "unavailable"));
    assertThat(items)
        .extracting(Item::outcome)
        .containsExactly(
            ItemOutcome.CREATED,
            ItemOutcome.DUPLICATE,
            ItemOutcome.RETRYABLE,
            ItemOutcome.REJECTED,
            ItemOutcome.RETRYABLE);
  }

  @ParameterizedTest
  @CsvSource({
    "200, CREATED",
    "201, CREATED",
    "409, DUPLICATE",
    "429, RETRYABLE",
    "500, RETRYABLE",
    "503, RETRYABLE",
    "400, REJECTED",
    "404, REJECTED",
    "413, REJECTED"
  })
  void shouldClassifyItemWhenStatusIsGiven(int status, ItemOutcome expected) {
    assertThat(BulkResponses.classifyItem(status)).isEqualTo(expected);
  }

  @Test
  void shouldClassifyWholeResponseWhenStatusIsNot2xx() {
    HttpHeaders retryAfter = HttpHeaders.of(Map.of("Retry-After", List.of("4")), (n, v) -> true);
    HttpHeaders none = HttpHeaders.of(Map.of(), (n, v) -> true);

    assertThat(BulkResponses.classify(200, none, "", CLOCK)).isEmpty();
    assertThat(BulkResponses.classify(429, retryAfter, "busy", CLOCK))
        .contains(
            new ExportOutcome.Retryable(
                "server returned HTTP status 429: busy", Optional.of(Duration.ofSeconds(4)), 429));
    assertThat(BulkResponses.classify(502, none, "", CLOCK))
        .contains(
            new ExportOutcome.Retryable("server returned HTTP status 502", Optional.empty(), 502));
    assertThat(BulkResponses.classify(413, none, "too large", CLOCK))
        .contains(new ExportOutcome.Rejected("server returned HTTP status 413: too large", 413));
    assertThat(BulkResponses.classify(401, none, "", CLOCK))
        .contains(new ExportOutcome.Rejected("server returned HTTP status 401", 401));
  }

  @Test
  void shouldFailWithPlaceWhenBodyIsNotBulkResponse() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> BulkResponses.items("{\"took\":1}".getBytes(StandardCharsets.UTF_8)))
        .withMessage("bulk response: must have an items array. Found: none");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> BulkResponses.items("[1]".getBytes(StandardCharsets.UTF_8)))
        .withMessage(
            "bulk response: expected START_OBJECT at line: 1, column: 2. Found: START_ARRAY");
  }
}
