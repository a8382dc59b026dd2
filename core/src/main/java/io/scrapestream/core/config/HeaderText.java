package io.scrapestream.core.config;

/**
 * What an HTTP header value (or request target) may hold: no control character but horizontal tab,
 * as RFC 9110's {@code field-value} says. One that holds CR or LF would split the request.
 */
public final class HeaderText {
  private HeaderText() {}

  /** The index of the first control character other than tab in {@code text}, or -1. */
  public static int controlCharacterAt(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if ((c < 0x20 && c != '\t') || c == 0x7f) {
        return i;
      }
    }
    return -1;
  }
}
