package io.scrapestream.sink.elasticsearch;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.scrapestream.sink.ExportOutcome;
import io.scrapestream.sink.retry.RetryAfter;
import java.io.IOException;
import java.net.http.HttpHeaders;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The one place that decides what an Elasticsearch or OpenSearch {@code _bulk} answer means. */
public final class BulkResponses {
  /** Response bodies quoted in reasons are cut to this many characters. */
  public static final int MAX_BODY_CHARS = 1024;

  private static final JsonFactory JSON = JsonFactory.builder().build();

  private BulkResponses() {}

  /** What became of one document. */
  public enum ItemOutcome {
    /** Stored now (200, 201). */
    CREATED,
    /** Already there (409 to a create): a replay or redelivery, counted as written. */
    DUPLICATE,
    /** Refused for now (429, 5xx): send the item again. */
    RETRYABLE,
    /** Refused for good (another 4xx, e.g. a mapping conflict): dead-letter its batch. */
    REJECTED
  }

  /**
   * One item of the response, in the order of the request's documents.
   *
   * @param error the error's type and reason, empty when none
   */
  public record Item(int status, String error) {
    public ItemOutcome outcome() {
      return classifyItem(status);
    }
  }

  /** The outcome of an item with this status. */
  public static ItemOutcome classifyItem(int status) {
    if (status == 200 || status == 201) {
      return ItemOutcome.CREATED;
    }
    if (status == 409) {
      return ItemOutcome.DUPLICATE;
    }
    return status == 429 || status >= 500 ? ItemOutcome.RETRYABLE : ItemOutcome.REJECTED;
  }

  /**
   * Classifies the response as a whole: 2xx means the body lists one result per document (empty);
   * 429 and 5xx are retryable, after the wait asked by {@code Retry-After}; every other status
   * (including 413, a request too large) is rejected.
   */
  public static Optional<ExportOutcome> classify(
      int status, HttpHeaders headers, String bodySnippet, Clock clock) {
    if (status < 100 || status > 599) {
      throw new IllegalArgumentException("status: must be 100-599. Found: " + status);
    }
    if (status / 100 == 2) {
      return Optional.empty();
    }
    String reason = "server returned HTTP status " + status + quote(bodySnippet);
    if (status == 429 || status / 100 == 5) {
      return Optional.of(
          new ExportOutcome.Retryable(
              reason,
              RetryAfter.parse(headers.firstValue("Retry-After").orElse(null), clock),
              status));
    }
    return Optional.of(new ExportOutcome.Rejected(reason, status));
  }

  /**
   * The items of a 2xx response, in order.
   *
   * @throws IllegalArgumentException when the body is not a bulk response
   */
  public static List<Item> items(byte[] body) {
    try (JsonParser json = JSON.createParser(body)) {
      expect(json, json.nextToken(), JsonToken.START_OBJECT);
      List<Item> items = null;
      while (json.nextToken() == JsonToken.FIELD_NAME) {
        String field = json.currentName();
        JsonToken value = json.nextToken();
        if (field.equals("items") && value == JsonToken.START_ARRAY) {
          items = readItems(json);
        } else {
          json.skipChildren();
        }
      }
      if (items == null) {
        throw new IllegalArgumentException("bulk response: must have an items array. Found: none");
      }
      return items;
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "bulk response: must be JSON. Found: " + e.getMessage(), e);
    }
  }

  private static List<Item> readItems(JsonParser json) throws IOException {
    List<Item> items = new ArrayList<>();
    for (JsonToken token = json.nextToken();
        token != JsonToken.END_ARRAY;
        token = json.nextToken()) {
      expect(json, token, JsonToken.START_OBJECT);
      expect(json, json.nextToken(), JsonToken.FIELD_NAME);
      expect(json, json.nextToken(), JsonToken.START_OBJECT);
      items.add(readItem(json));
      expect(json, json.nextToken(), JsonToken.END_OBJECT);
    }
    return items;
  }

  private static Item readItem(JsonParser json) throws IOException {
    int status = 0;
    String error = "";
    while (json.nextToken() == JsonToken.FIELD_NAME) {
      String field = json.currentName();
      JsonToken value = json.nextToken();
      if (field.equals("status") && value == JsonToken.VALUE_NUMBER_INT) {
        status = json.getIntValue();
      } else if (field.equals("error") && value == JsonToken.START_OBJECT) {
        error = readError(json);
      } else if (field.equals("error") && value == JsonToken.VALUE_STRING) {
        error = json.getText();
      } else {
        json.skipChildren();
      }
    }
    return new Item(status, error);
  }

  /** {@code <type>: <reason>} of an item's error object. */
  private static String readError(JsonParser json) throws IOException {
    String type = "";
    String reason = "";
    while (json.nextToken() == JsonToken.FIELD_NAME) {
      String field = json.currentName();
      JsonToken value = json.nextToken();
      if (field.equals("type") && value == JsonToken.VALUE_STRING) {
        type = json.getText();
      } else if (field.equals("reason") && value == JsonToken.VALUE_STRING) {
        reason = json.getText();
      } else {
        json.skipChildren();
      }
    }
    return type.isEmpty() || reason.isEmpty() ? type + reason : type + ": " + reason;
  }

  private static void expect(JsonParser json, JsonToken found, JsonToken expected) {
    if (found != expected) {
      throw new IllegalArgumentException(
          "bulk response: expected "
              + expected
              + " at "
              + json.currentLocation().offsetDescription()
              + ". Found: "
              + found);
    }
  }

  private static String quote(String bodySnippet) {
    String body = bodySnippet == null ? "" : bodySnippet.strip();
    if (body.length() > MAX_BODY_CHARS) {
      body = body.substring(0, MAX_BODY_CHARS) + "...";
    }
    return body.isEmpty() ? "" : ": " + body;
  }
}
