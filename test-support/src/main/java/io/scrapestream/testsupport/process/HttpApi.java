package io.scrapestream.testsupport.process;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The HTTP API of a backend in a test: readiness, and GETs answered with JSON, parsed with Jackson.
 * Queries follow the Prometheus API, which VictoriaMetrics also serves.
 */
public final class HttpApi {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

  private final URI baseUrl;
  private final HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(REQUEST_TIMEOUT)
          .build();

  public HttpApi(URI baseUrl) {
    this.baseUrl = baseUrl;
  }

  /** Seconds since the epoch with millisecond precision, as the API takes times. */
  public static String seconds(Instant time) {
    return BigDecimal.valueOf(time.toEpochMilli()).movePointLeft(3).toPlainString();
  }

  /** A duration in seconds with millisecond precision, as the API takes steps. */
  public static String seconds(Duration duration) {
    return BigDecimal.valueOf(duration.toMillis()).movePointLeft(3).toPlainString();
  }

  /** Whether {@code path} answers 200; false when nothing listens yet. */
  public boolean answers200(String path) throws InterruptedException {
    try {
      return client.send(request(path), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    } catch (IOException e) {
      return false;
    }
  }

  /** GETs an API path and returns the {@code data} node of a {@code "status":"success"} answer. */
  public JsonNode get(String path, Map<String, String> parameters) {
    String target = target(path, parameters);
    HttpResponse<String> response = send(target);
    JsonNode body = parse(target, response.body());
    if (response.statusCode() != 200 || !"success".equals(body.path("status").asText())) {
      throw new IllegalStateException(
          "GET "
              + target
              + ": expected status 200 and success. Found: "
              + response.statusCode()
              + " "
              + response.body());
    }
    return body.get("data");
  }

  /** GETs an API path that answers 200 with text, e.g. JSON lines, and returns the text. */
  public String getText(String path, Map<String, String> parameters) {
    String target = target(path, parameters);
    HttpResponse<String> response = send(target);
    if (response.statusCode() != 200) {
      throw new IllegalStateException(
          "GET "
              + target
              + ": expected status 200. Found: "
              + response.statusCode()
              + " "
              + response.body());
    }
    return response.body();
  }

  /** Parses one JSON document (e.g. one line of an export). */
  public static JsonNode parse(String target, String body) {
    try {
      return JSON.readTree(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("GET " + target + ": expected JSON. Found: " + body, e);
    }
  }

  private static String target(String path, Map<String, String> parameters) {
    String query =
        new TreeMap<>(parameters)
            .entrySet().stream()
                .map(
                    e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    return path + "?" + query;
  }

  private HttpResponse<String> send(String target) {
    try {
      return client.send(request(target), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException("GET " + baseUrl + target + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted during GET " + baseUrl + target, e);
    }
  }

  private HttpRequest request(String target) {
    return HttpRequest.newBuilder(baseUrl.resolve(target)).timeout(REQUEST_TIMEOUT).GET().build();
  }
}
