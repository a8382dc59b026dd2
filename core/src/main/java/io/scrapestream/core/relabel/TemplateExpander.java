package io.scrapestream.core.relabel;

import java.util.List;
import java.util.regex.MatchResult;

/**
 * Go's {@code regexp.Expand}: in a template, {@code $$} is a dollar, {@code $name} and {@code
 * ${name}} stand for a submatch (a name of digits is a group number, without leading zeros), and a
 * {@code $} not followed by a name is itself. A name is as long as possible ({@code $1x} is the
 * group named {@code 1x}); a group that does not exist or did not match stands for nothing.
 */
final class TemplateExpander {
  private static final int TOO_BIG = 100_000_000;

  private TemplateExpander() {}

  /** A reference: its name, its group number (-1 when not a number) and where it ends. */
  private record Reference(String name, int number, int end) {}

  static String expand(String template, String src, MatchResult match, List<String> names) {
    StringBuilder out = new StringBuilder(template.length() + 16);
    int at = 0;
    while (true) {
      int dollar = template.indexOf('$', at);
      if (dollar < 0) {
        break;
      }
      out.append(template, at, dollar);
      at = dollar + 1;
      if (at < template.length() && template.charAt(at) == '$') {
        out.append('$');
        at++;
        continue;
      }
      Reference reference = reference(template, at);
      if (reference == null) {
        out.append('$');
        continue;
      }
      appendGroup(out, src, match, group(reference, match, names));
      at = reference.end();
    }
    return out.append(template, at, template.length()).toString();
  }

  private static int group(Reference reference, MatchResult match, List<String> names) {
    if (reference.number() >= 0) {
      return reference.number() <= match.groupCount() ? reference.number() : -1;
    }
    for (int i = 0; i < names.size(); i++) {
      if (names.get(i).equals(reference.name()) && match.start(i) >= 0) {
        return i;
      }
    }
    return -1;
  }

  private static void appendGroup(StringBuilder out, String src, MatchResult match, int group) {
    if (group >= 0 && match.start(group) >= 0) {
      out.append(src, match.start(group), match.end(group));
    }
  }

  /** Go's {@code extract}: the name after a {@code $}, or null when the {@code $} is literal. */
  private static Reference reference(String template, int at) {
    boolean braced = at < template.length() && template.charAt(at) == '{';
    int start = braced ? at + 1 : at;
    int end = start;
    while (end < template.length()) {
      int c = template.codePointAt(end);
      if (!Character.isLetter(c) && !Character.isDigit(c) && c != '_') {
        break;
      }
      end += Character.charCount(c);
    }
    if (end == start || braced && (end >= template.length() || template.charAt(end) != '}')) {
      return null;
    }
    String name = template.substring(start, end);
    return new Reference(name, number(name), braced ? end + 1 : end);
  }

  private static int number(String name) {
    if (name.length() > 1 && name.charAt(0) == '0') {
      return -1;
    }
    int number = 0;
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c < '0' || c > '9' || number >= TOO_BIG) {
        return -1;
      }
      number = number * 10 + c - '0';
    }
    return number;
  }
}
