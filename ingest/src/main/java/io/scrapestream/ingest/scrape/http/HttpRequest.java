package io.scrapestream.ingest.scrape.http;

import io.scrapestream.core.config.HeaderText;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A GET: the origin, the request target ({@code /path?query}) and the header fields besides Host.
 * Header values with control characters are refused (they would split the request).
 */
public record HttpRequest(Origin origin, String target, List<Map.Entry<String, String>> headers) {
  public HttpRequest {
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(target, "target");
    headers = List.copyOf(headers);
    if (!target.startsWith("/")) {
      throw new IllegalArgumentException("target must start with /. Found: " + target);
    }
    requirePrintable("request target", target);
    for (Map.Entry<String, String> header : headers) {
      requirePrintable("header " + header.getKey(), header.getKey());
      requirePrintable("header " + header.getKey(), header.getValue());
    }
  }

  /**
   * The request as sent: absolute-form target, and the proxy's credentials, when a plain-HTTP
   * request goes through a proxy.
   */
  byte[] encode() {
    StringBuilder text = new StringBuilder(256).append("GET ");
    if (origin.proxy().isPresent() && !origin.tls()) {
      text.append("http://").append(origin.hostHeader());
    }
    text.append(target).append(" HTTP/1.1\r\nHost: ").append(origin.hostHeader()).append("\r\n");
    if (!origin.tls()) {
      origin
          .proxy()
          .flatMap(HttpProxy::authorization)
          .ifPresent(value -> text.append("Proxy-Authorization: ").append(value).append("\r\n"));
    }
    for (Map.Entry<String, String> header : headers) {
      text.append(header.getKey()).append(": ").append(header.getValue()).append("\r\n");
    }
    return text.append("\r\n").toString().getBytes(StandardCharsets.UTF_8);
  }

  /** Values are never printed: an Authorization header carries a secret. */
  private static void requirePrintable(String what, String value) {
    int at = HeaderText.controlCharacterAt(value);
    if (at >= 0) {
      throw new IllegalArgumentException(
          what + " contains control character " + String.format("0x%02x", (int) value.charAt(at)));
    }
  }
}
