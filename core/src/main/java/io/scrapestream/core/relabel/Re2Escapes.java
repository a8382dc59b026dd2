package io.scrapestream.core.relabel;

/**
 * Single-character escapes of RE2 as Go parses them: an escaped ASCII punctuation character is
 * itself; {@code \0}, {@code \012}, {@code \12} are octal (a single {@code \1}..{@code \9} is a
 * backreference, which RE2 refuses); {@code \x7F} and {@code \x{10FFFF}} are hexadecimal; {@code \a
 * \f \n \r \t \v} are control characters. Everything else is an invalid escape, including Java's
 * {@code \e}, {@code \u0041}, {@code \Z}, {@code \k<name>} and {@code \h}.
 */
final class Re2Escapes {
  static final int MAX_CODE_POINT = 0x10FFFF;

  /** A code point and the index just after its text. */
  record Escape(int codePoint, int end) {}

  private Re2Escapes() {}

  /** Parses the escape whose backslash is at {@code at}. */
  static Escape parse(String re, int at) {
    int t = at + 1;
    if (t >= re.length()) {
      throw Re2Error.TRAILING_BACKSLASH.at("");
    }
    int c = codePointAt(re, t);
    t += Character.charCount(c);
    if (c < 0x80 && !isAlnum(c)) {
      return new Escape(c, t);
    }
    if (c >= '1' && c <= '7' && (t >= re.length() || !isOctal(re.charAt(t)))) {
      throw invalid(re, at, t);
    }
    if (c >= '0' && c <= '7') {
      return octal(re, c - '0', t);
    }
    if (c == 'x') {
      return hex(re, at, t);
    }
    int control = control(c);
    if (control < 0) {
      throw invalid(re, at, t);
    }
    return new Escape(control, t);
  }

  /** The code point at {@code at}; a lone surrogate is invalid UTF-8, as in Go. */
  static int codePointAt(String re, int at) {
    int c = re.codePointAt(at);
    if (c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE) {
      throw Re2Error.INVALID_UTF8.at(re.substring(at));
    }
    return c;
  }

  static boolean isAlnum(int c) {
    return c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z';
  }

  private static Escape octal(String re, int first, int t) {
    int value = first;
    int end = t;
    while (end < t + 2 && end < re.length() && isOctal(re.charAt(end))) {
      value = value * 8 + re.charAt(end) - '0';
      end++;
    }
    return new Escape(value, end);
  }

  private static Escape hex(String re, int at, int t) {
    if (t >= re.length()) {
      throw invalid(re, at, t);
    }
    int c = codePointAt(re, t);
    t += Character.charCount(c);
    if (c == '{') {
      return bracedHex(re, at, t);
    }
    int y = -1;
    if (t < re.length()) {
      int second = codePointAt(re, t);
      t += Character.charCount(second);
      y = unhex(second);
    }
    int x = unhex(c);
    if (x < 0 || y < 0) {
      throw invalid(re, at, t);
    }
    return new Escape(x * 16 + y, t);
  }

  private static Escape bracedHex(String re, int at, int t) {
    int value = 0;
    int digits = 0;
    while (true) {
      if (t >= re.length()) {
        throw invalid(re, at, t);
      }
      int c = codePointAt(re, t);
      t += Character.charCount(c);
      if (c == '}') {
        break;
      }
      int v = unhex(c);
      value = value * 16 + v;
      if (v < 0 || value > MAX_CODE_POINT) {
        throw invalid(re, at, t);
      }
      digits++;
    }
    if (digits == 0) {
      throw invalid(re, at, t);
    }
    return new Escape(value, t);
  }

  private static int control(int c) {
    return switch (c) {
      case 'a' -> 0x07;
      case 'f' -> '\f';
      case 'n' -> '\n';
      case 'r' -> '\r';
      case 't' -> '\t';
      case 'v' -> 0x0B;
      default -> -1;
    };
  }

  private static IllegalArgumentException invalid(String re, int at, int end) {
    return Re2Error.INVALID_ESCAPE.at(re.substring(at, end), hint(re.codePointAt(at + 1)));
  }

  private static String hint(int c) {
    if (c >= '1' && c <= '9') {
      return "backreferences are not supported by RE2";
    }
    return switch (c) {
      case 'k' -> "named backreferences are not supported by RE2";
      case 'Z' -> "RE2 has no \\Z; \\z is the end of text";
      case 'u' -> "RE2 writes a code point as \\x{hhhh}";
      case 'e' -> "RE2 has no \\e; write \\x1B";
      case 'h', 'H', 'R', 'X', 'G', 'K', 'V', 'N' -> "a Java/PCRE escape that RE2 does not have";
      default -> "";
    };
  }

  private static boolean isOctal(char c) {
    return c >= '0' && c <= '7';
  }

  private static int unhex(int c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
      return c - 'A' + 10;
    }
    return -1;
  }
}
