package io.scrapestream.core.relabel;

/**
 * Label name rules of Prometheus's legacy validation scheme: a name matches {@code
 * [a-zA-Z_][a-zA-Z0-9_]*}. UTF-8 label names (Prometheus 3's {@code utf8} scheme) are not accepted,
 * neither in configuration nor as a relabeling result.
 */
public final class LabelName {
  /** The pattern every valid name matches, for messages. */
  public static final String PATTERN = "[a-zA-Z_][a-zA-Z0-9_]*";

  private LabelName() {}

  /** True when {@code name} matches {@code [a-zA-Z_][a-zA-Z0-9_]*}. */
  public static boolean isValid(String name) {
    if (name.isEmpty() || !isNameStart(name.charAt(0))) {
      return false;
    }
    for (int i = 1; i < name.length(); i++) {
      if (!isWordChar(name.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /**
   * True when {@code template} is a label name in which {@code $name} and {@code ${name}}
   * references (name made of {@code [a-zA-Z0-9_]}) may stand anywhere, as long as it does not start
   * with a digit. This is the language of Prometheus's {@code
   * ^(?:(?:[a-zA-Z_]|\$(?:\{\w+\}|\w+))+\w*)+$}, decided without backtracking.
   */
  public static boolean isValidTemplate(String template) {
    if (template.isEmpty() || Character.isDigit(template.charAt(0)) && template.charAt(0) < 128) {
      return false;
    }
    int at = 0;
    while (at < template.length()) {
      char c = template.charAt(at);
      if (isWordChar(c)) {
        at++;
      } else if (c == '$') {
        at = referenceEnd(template, at + 1);
        if (at < 0) {
          return false;
        }
      } else {
        return false;
      }
    }
    return true;
  }

  /** The end of {@code name} or {@code {name}} starting at {@code at}, or -1 when there is none. */
  private static int referenceEnd(String template, int at) {
    boolean braced = at < template.length() && template.charAt(at) == '{';
    int start = braced ? at + 1 : at;
    int end = start;
    while (end < template.length() && isWordChar(template.charAt(end))) {
      end++;
    }
    if (end == start) {
      return -1;
    }
    if (!braced) {
      return end;
    }
    return end < template.length() && template.charAt(end) == '}' ? end + 1 : -1;
  }

  private static boolean isNameStart(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_';
  }

  private static boolean isWordChar(char c) {
    return isNameStart(c) || c >= '0' && c <= '9';
  }
}
