package io.scrapestream.core.config;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A Kubernetes field selector ({@code spec.nodeName=n1,status.phase!=Failed}), parsed once and
 * evaluated against an object's selectable fields, with the grammar of {@code
 * k8s.io/apimachinery/pkg/fields}: terms separated by commas, each {@code field=value}, {@code
 * field==value} or {@code field!=value}; a backslash escapes {@code \ , =} in values. A field the
 * object does not have reads as the empty string, as on the API server. The empty selector matches
 * everything.
 *
 * @param text the selector as written
 * @param terms all must hold for a match
 */
public record FieldSelector(String text, List<Term> terms) {
  private static final FieldSelector EVERYTHING = new FieldSelector("", List.of());
  private static final List<String> OPERATORS = List.of("!=", "==", "=");

  public FieldSelector {
    Objects.requireNonNull(text, "text must not be null");
    terms = List.copyOf(terms);
  }

  /** The selector that matches every object. */
  public static FieldSelector everything() {
    return EVERYTHING;
  }

  /**
   * Parses a selector.
   *
   * @throws IllegalArgumentException naming the term that is wrong
   */
  public static FieldSelector parse(String text) {
    List<Term> terms = new ArrayList<>();
    for (String part : splitUnescaped(text)) {
      if (!part.isEmpty()) {
        terms.add(term(text, part));
      }
    }
    return new FieldSelector(text, terms);
  }

  /** True when the selector has no terms and so matches everything. */
  public boolean isEmpty() {
    return terms.isEmpty();
  }

  /** The names of the fields this selector reads, in order. */
  public Set<String> fieldNames() {
    Set<String> names = new LinkedHashSet<>();
    terms.forEach(term -> names.add(term.field()));
    return names;
  }

  /** True when every term holds for these field values. */
  public boolean matches(Map<String, String> fields) {
    for (Term term : terms) {
      if (term.equal() != term.value().equals(fields.getOrDefault(term.field(), ""))) {
        return false;
      }
    }
    return true;
  }

  @Override
  public String toString() {
    return text;
  }

  /** One term: the field equals ({@code equal}) or differs from the value. */
  public record Term(String field, boolean equal, String value) {
    public Term {
      Objects.requireNonNull(field, "field must not be null");
      Objects.requireNonNull(value, "value must not be null");
    }
  }

  private static Term term(String text, String part) {
    for (int i = 0; i < part.length(); i++) {
      if (part.charAt(i) == '\\') {
        i++;
        continue;
      }
      for (String operator : OPERATORS) {
        if (part.startsWith(operator, i)) {
          String field = part.substring(0, i);
          if (field.isEmpty()) {
            throw new IllegalArgumentException(
                "expected a field name before \"" + operator + "\" in \"" + text + "\"");
          }
          String value = unescape(text, part.substring(i + operator.length()));
          return new Term(field, !operator.equals("!="), value);
        }
      }
    }
    throw new IllegalArgumentException(
        "expected field=value, field==value or field!=value, found \""
            + part
            + "\" in \""
            + text
            + "\"");
  }

  private static List<String> splitUnescaped(String text) {
    List<String> parts = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == ',') {
        parts.add(text.substring(start, i));
        start = i + 1;
      }
    }
    parts.add(text.substring(start));
    return parts;
  }

  private static String unescape(String text, String value) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '=') {
        throw new IllegalArgumentException(
            "expected \"=\" in a value to be escaped as \\=, found \""
                + value
                + "\" in \""
                + text
                + "\"");
      }
      if (c != '\\') {
        out.append(c);
        continue;
      }
      char escaped = i + 1 < value.length() ? value.charAt(i + 1) : 0;
      if (escaped != '\\' && escaped != ',' && escaped != '=') {
        throw new IllegalArgumentException(
            "expected \\\\, \\, or \\= as escape sequences in a value, found \""
                + value
                + "\" in \""
                + text
                + "\"");
      }
      out.append(escaped);
      i++;
    }
    return out.toString();
  }
}
