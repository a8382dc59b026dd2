package io.scrapestream.sink.sigv4;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;

/**
 * One case of the AWS SigV4 test suite (awslabs/aws-c-auth {@code tests/aws-signing-test-suite/v4},
 * copied to {@code shared/testdata/sigv4/v4}): its context, its request as an {@link
 * SdkHttpRequest} and the expected header-signing results.
 *
 * @param path the request-line path as written (not encoded)
 * @param headers the request headers in order; a folded (multi-line) value keeps its line breaks
 */
record SigV4SuiteCase(
    String name,
    JsonNode context,
    String method,
    String path,
    String query,
    List<Map.Entry<String, String>> headers,
    byte[] body,
    Path directory) {
  private static final ObjectMapper JSON = new ObjectMapper();

  static SigV4SuiteCase read(Path directory) {
    try {
      JsonNode context = JSON.readTree(directory.resolve("context.json").toFile());
      byte[] raw = Files.readAllBytes(directory.resolve("request.txt"));
      int headEnd = indexOf(raw, "\n\n".getBytes(StandardCharsets.UTF_8));
      String head = new String(raw, 0, headEnd < 0 ? raw.length : headEnd, StandardCharsets.UTF_8);
      byte[] body = headEnd < 0 ? new byte[0] : slice(raw, headEnd + 2);
      List<String> lines = List.of(head.split("\n", -1));
      String[] requestLine = lines.get(0).split(" ");
      String target = lines.get(0).substring(requestLine[0].length() + 1);
      target = target.substring(0, target.lastIndexOf(" HTTP/"));
      int q = target.indexOf('?');
      return new SigV4SuiteCase(
          directory.getFileName().toString(),
          context,
          requestLine[0],
          q < 0 ? target : target.substring(0, q),
          q < 0 ? "" : target.substring(q + 1),
          headers(lines.subList(1, lines.size())),
          body,
          directory);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read SigV4 case " + directory, e);
    }
  }

  /** The expected result {@code header-<what>.txt}, e.g. {@code canonical-request}. */
  String expected(String what) {
    try {
      return Files.readString(directory.resolve("header-" + what + ".txt"), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + what + " of " + name, e);
    }
  }

  Instant timestamp() {
    return Instant.parse(context.get("timestamp").asText());
  }

  String region() {
    return context.get("region").asText();
  }

  String service() {
    return context.get("service").asText();
  }

  boolean normalize() {
    return context.get("normalize").asBoolean();
  }

  boolean signBody() {
    return context.get("sign_body").asBoolean();
  }

  boolean omitSessionToken() {
    return context.path("omit_session_token").asBoolean(false);
  }

  String accessKey() {
    return context.get("credentials").get("access_key_id").asText();
  }

  String secretKey() {
    return context.get("credentials").get("secret_access_key").asText();
  }

  Optional<String> sessionToken() {
    return Optional.ofNullable(context.get("credentials").get("token")).map(JsonNode::asText);
  }

  /**
   * The request as the SDK takes it: the path percent-encoded once as it would go on the wire,
   * query parameters decoded, every header (repeated ones appended) and the body's host.
   */
  SdkHttpRequest.Builder sdkRequest() {
    SdkHttpRequest.Builder request =
        SdkHttpRequest.builder()
            .method(SdkHttpMethod.fromValue(method))
            .protocol("https")
            .host(host())
            .encodedPath(PercentEncoding.encodePath(path));
    if (!query.isEmpty()) {
      for (String parameter : query.split("&")) {
        int eq = parameter.indexOf('=');
        String key = eq < 0 ? parameter : parameter.substring(0, eq);
        String value = eq < 0 ? "" : parameter.substring(eq + 1);
        request.appendRawQueryParameter(PercentEncoding.decode(key), PercentEncoding.decode(value));
      }
    }
    headers.forEach(h -> request.appendHeader(h.getKey(), h.getValue()));
    return request;
  }

  String host() {
    return headers.stream()
        .filter(h -> h.getKey().equalsIgnoreCase("Host"))
        .map(Map.Entry::getValue)
        .findFirst()
        .orElseThrow();
  }

  @Override
  public String toString() {
    return name;
  }

  private static List<Map.Entry<String, String>> headers(List<String> lines) {
    List<Map.Entry<String, String>> headers = new ArrayList<>();
    for (String line : lines) {
      if (!line.isEmpty() && Character.isWhitespace(line.charAt(0)) && !headers.isEmpty()) {
        Map.Entry<String, String> last = headers.remove(headers.size() - 1);
        headers.add(Map.entry(last.getKey(), last.getValue() + "\n" + line));
      } else if (!line.isEmpty()) {
        int colon = line.indexOf(':');
        headers.add(Map.entry(line.substring(0, colon), line.substring(colon + 1)));
      }
    }
    return headers;
  }

  private static int indexOf(byte[] data, byte[] pattern) {
    for (int i = 0; i + pattern.length <= data.length; i++) {
      if (java.util.Arrays.equals(data, i, i + pattern.length, pattern, 0, pattern.length)) {
        return i;
      }
    }
    return -1;
  }

  private static byte[] slice(byte[] data, int from) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(data, from, data.length - from);
    return out.toByteArray();
  }
}
