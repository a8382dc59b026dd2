package io.scrapestream.ingest.parse;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The media type of a {@code Content-Type} value, checked as Go's {@code mime.ParseMediaType}
 * checks it (which Prometheus uses): {@code type[/subtype]} of RFC 7230 tokens, then {@code
 * ;name=value} parameters whose value is a token or a quoted string, no parameter twice, a trailing
 * {@code ;} tolerated.
 */
final class MediaTypes {

  private static final String SEPARATORS = "()<>@,;:\\\"/[]?=";

  private MediaTypes() {}

  /**
   * The lower-cased media type of {@code value}.
   *
   * @throws IllegalArgumentException naming what is malformed
   */
  static String parse(String value) {
    int semicolon = value.indexOf(';');
    String base = (semicolon < 0 ? value : value.substring(0, semicolon));
    String mediaType = base.toLowerCase(Locale.ROOT).trim();
    checkType(mediaType);
    if (semicolon >= 0) {
      checkParameters(value, semicolon);
    }
    return mediaType;
  }

  private static void checkType(String mediaType) {
    int slash = tokenEnd(mediaType, 0);
    if (slash == 0) {
      throw new IllegalArgumentException("no media type");
    }
    if (slash == mediaType.length()) {
      return;
    }
    if (mediaType.charAt(slash) != '/') {
      throw new IllegalArgumentException("expected slash after first token");
    }
    int end = tokenEnd(mediaType, slash + 1);
    if (end == slash + 1) {
      throw new IllegalArgumentException("expected token after slash");
    }
    if (end != mediaType.length()) {
      throw new IllegalArgumentException("unexpected content after media subtype");
    }
  }

  /** Checks the parameters from the ';' at {@code at} to the end. */
  private static void checkParameters(String v, int at) {
    Set<String> names = new HashSet<>();
    int i = at;
    while (true) {
      i = skipBlanks(v, i);
      if (i >= v.length() || v.substring(i).trim().equals(";")) {
        return;
      }
      if (v.charAt(i) != ';') {
        throw new IllegalArgumentException("invalid media parameter");
      }
      int nameFrom = skipBlanks(v, i + 1);
      int nameTo = tokenEnd(v, nameFrom);
      i = skipBlanks(v, nameTo);
      if (nameTo == nameFrom || i >= v.length() || v.charAt(i) != '=') {
        throw new IllegalArgumentException("invalid media parameter");
      }
      if (!names.add(v.substring(nameFrom, nameTo).toLowerCase(Locale.ROOT))) {
        throw new IllegalArgumentException("duplicate parameter name");
      }
      i = valueEnd(v, skipBlanks(v, i + 1));
    }
  }

  /** The end of the token or quoted string at {@code i}. */
  private static int valueEnd(String v, int i) {
    if (i < v.length() && v.charAt(i) == '"') {
      for (int j = i + 1; j < v.length(); j++) {
        char c = v.charAt(j);
        if (c == '\\') {
          j++;
        } else if (c == '"') {
          return j + 1;
        }
      }
      throw new IllegalArgumentException("invalid media parameter");
    }
    int end = tokenEnd(v, i);
    if (end == i) {
      throw new IllegalArgumentException("invalid media parameter");
    }
    return end;
  }

  private static int tokenEnd(String s, int i) {
    while (i < s.length() && isTokenChar(s.charAt(i))) {
      i++;
    }
    return i;
  }

  private static int skipBlanks(String s, int i) {
    while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
      i++;
    }
    return i;
  }

  private static boolean isTokenChar(char c) {
    return c > 0x20 && c < 0x7f && SEPARATORS.indexOf(c) < 0;
  }

  /** {@code s} in double quotes with {@code \} and {@code "} escaped, as Go's {@code %q}. */
  static String quote(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\') {
        sb.append('\\').append(c);
      } else if (c < 0x20 || c == 0x7f) {
        sb.append(String.format("\\x%02x", (int) c));
      } else {
        sb.append(c);
      }
    }
    return sb.append('"').toString();
  }
}
