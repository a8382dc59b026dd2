package io.scrapestream.ingest.scrape;

import java.util.Locale;

/** Go's {@code strconv.Quote} (what {@code %q} prints), for messages worded like Prometheus's. */
final class GoQuote {
  private static final long PRINTABLE_TYPES =
      types(
          Character.UPPERCASE_LETTER,
          Character.LOWERCASE_LETTER,
          Character.TITLECASE_LETTER,
          Character.MODIFIER_LETTER,
          Character.OTHER_LETTER,
          Character.NON_SPACING_MARK,
          Character.ENCLOSING_MARK,
          Character.COMBINING_SPACING_MARK,
          Character.DECIMAL_DIGIT_NUMBER,
          Character.LETTER_NUMBER,
          Character.OTHER_NUMBER,
          Character.CONNECTOR_PUNCTUATION,
          Character.DASH_PUNCTUATION,
          Character.START_PUNCTUATION,
          Character.END_PUNCTUATION,
          Character.INITIAL_QUOTE_PUNCTUATION,
          Character.FINAL_QUOTE_PUNCTUATION,
          Character.OTHER_PUNCTUATION,
          Character.MATH_SYMBOL,
          Character.CURRENCY_SYMBOL,
          Character.MODIFIER_SYMBOL,
          Character.OTHER_SYMBOL);

  private GoQuote() {}

  static String quote(String text) {
    StringBuilder out = new StringBuilder(text.length() + 2).append('"');
    text.codePoints().forEach(cp -> append(out, cp));
    return out.append('"').toString();
  }

  private static long types(byte... types) {
    long mask = 0;
    for (byte type : types) {
      mask |= 1L << type;
    }
    return mask;
  }

  private static void append(StringBuilder out, int cp) {
    switch (cp) {
      case '"', '\\' -> out.append('\\').appendCodePoint(cp);
      case 0x07 -> out.append("\\a");
      case '\b' -> out.append("\\b");
      case '\f' -> out.append("\\f");
      case '\n' -> out.append("\\n");
      case '\r' -> out.append("\\r");
      case '\t' -> out.append("\\t");
      case 0x0b -> out.append("\\v");
      default -> appendOther(out, cp);
    }
  }

  private static void appendOther(StringBuilder out, int cp) {
    if (isPrint(cp)) {
      out.appendCodePoint(cp);
    } else if (cp < ' ' || cp == 0x7f) {
      out.append(String.format(Locale.ROOT, "\\x%02x", cp));
    } else if (cp < 0x10000) {
      out.append(String.format(Locale.ROOT, "\\u%04x", cp));
    } else {
      out.append(String.format(Locale.ROOT, "\\U%08x", cp));
    }
  }

  /** Go's {@code unicode.IsPrint}: letters, marks, numbers, punctuation, symbols and ' '. */
  private static boolean isPrint(int cp) {
    return cp == ' ' || (PRINTABLE_TYPES & (1L << Character.getType(cp))) != 0;
  }
}
