package io.scrapestream.core.relabel;

/**
 * A relabel config that Prometheus would refuse: names the YAML field at fault ({@code
 * target_label}), what it must be, and the value found. The message is {@code <field>:
 * <expectation>. Found: <value>}.
 */
public final class InvalidRelabelConfigException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String field;
  private final String expectation;
  private final String found;

  public InvalidRelabelConfigException(String field, String expectation, String found) {
    super(field + ": " + expectation + ". Found: " + found);
    this.field = field;
    this.expectation = expectation;
    this.found = found;
  }

  /** A field that the action does not take, such as {@code separator} for {@code keepequal}. */
  public static InvalidRelabelConfigException notTaken(
      RelabelAction action, String field, String found) {
    String only = String.join(" and ", action.onlyFields().orElseThrow());
    return new InvalidRelabelConfigException(
        field,
        "must not be set for action " + action.yamlName() + ", which takes only " + only,
        found);
  }

  /** The YAML name of the field at fault. */
  public String field() {
    return field;
  }

  /** What the field must be, such as {@code must be set for action replace}. */
  public String expectation() {
    return expectation;
  }

  /** The value found, strings quoted as JSON strings. */
  public String found() {
    return found;
  }

  /** A string as a JSON string literal, so that spaces, quotes and control characters show. */
  public static String quote(String text) {
    StringBuilder quoted = new StringBuilder(text.length() + 2).append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> quoted.append("\\\"");
        case '\\' -> quoted.append("\\\\");
        case '\n' -> quoted.append("\\n");
        case '\r' -> quoted.append("\\r");
        case '\t' -> quoted.append("\\t");
        case '\b' -> quoted.append("\\b");
        case '\f' -> quoted.append("\\f");
        default -> {
          if (c < 0x20) {
            quoted.append(String.format("\\u%04X", (int) c));
          } else {
            quoted.append(c);
          }
        }
      }
    }
    return quoted.append('"').toString();
  }
}
