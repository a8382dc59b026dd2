package io.scrapestream.allocator.api;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Go's {@code url.QueryEscape} and {@code url.QueryUnescape}, which the OTel Target Allocator uses
 * for job names in paths: space as {@code +}, everything but letters, digits and {@code -_.~}
 * percent-encoded.
 */
final class QueryEscape {
  private QueryEscape() {}

  static String escape(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("*", "%2A").replace("%7E", "~");
  }

  /** Decodes, or returns null when the text is not valid percent-encoding. */
  static String unescape(String text) {
    try {
      return URLDecoder.decode(text, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
