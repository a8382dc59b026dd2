package io.scrapestream.ingest.scrape.http;

import java.io.IOException;

/** A response that breaks HTTP/1.1 framing: its message names what is wrong and what was found. */
public final class HttpProtocolException extends IOException {
  private static final long serialVersionUID = 1L;
  private static final int SHOWN = 64;

  HttpProtocolException(String message) {
    super(message);
  }

  /** {@code text} quoted, control characters escaped and cut after 64 characters. */
  static String quote(String text) {
    StringBuilder quoted = new StringBuilder("\"");
    int shown = Math.min(text.length(), SHOWN);
    for (int i = 0; i < shown; i++) {
      char c = text.charAt(i);
      if (c < 0x20 || c == 0x7f) {
        quoted.append(String.format("\\x%02x", (int) c));
      } else if (c == '"' || c == '\\') {
        quoted.append('\\').append(c);
      } else {
        quoted.append(c);
      }
    }
    quoted.append('"');
    return shown < text.length() ? quoted + "..." : quoted.toString();
  }
}
