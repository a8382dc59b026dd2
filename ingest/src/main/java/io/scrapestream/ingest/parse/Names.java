package io.scrapestream.ingest.parse;

/**
 * The classic metric and label name syntax, which every parser here reads: metric names {@code
 * [a-zA-Z_:][a-zA-Z0-9_:]*}, label names {@code [a-zA-Z_][a-zA-Z0-9_]*}.
 */
final class Names {

  private Names() {}

  static boolean isMetricName(byte[] b) {
    return matches(b, true);
  }

  static boolean isLabelName(byte[] b) {
    return matches(b, false);
  }

  private static boolean matches(byte[] b, boolean metric) {
    if (b.length == 0) {
      return false;
    }
    for (int i = 0; i < b.length; i++) {
      byte c = b[i];
      boolean letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
      boolean ok = letter || (metric && c == ':') || (i > 0 && c >= '0' && c <= '9');
      if (!ok) {
        return false;
      }
    }
    return true;
  }
}
