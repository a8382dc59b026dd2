package io.scrapestream.helm;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The metric names a PromQL expression selects (enough of PromQL for our queries). */
final class PromQl {
  private static final Pattern STRINGS = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");
  private static final Pattern MATCHERS = Pattern.compile("\\{[^}]*}");
  private static final Pattern RANGES = Pattern.compile("\\[[^]]*]");
  private static final Pattern GROUPINGS =
      Pattern.compile("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
  private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
  private static final Set<String> KEYWORDS =
      Set.of("and", "or", "unless", "offset", "bool", "by", "without", "on", "ignoring");

  private PromQl() {}

  static Set<String> metricNames(String expr) {
    String text = STRINGS.matcher(expr).replaceAll("\"\"");
    text = MATCHERS.matcher(text).replaceAll(" ");
    text = RANGES.matcher(text).replaceAll(" ");
    text = GROUPINGS.matcher(text).replaceAll(" ");
    Set<String> names = new LinkedHashSet<>();
    Matcher m = IDENTIFIER.matcher(text);
    while (m.find()) {
      boolean function = text.substring(m.end()).stripLeading().startsWith("(");
      boolean partOfNumber = m.start() > 0 && Character.isDigit(text.charAt(m.start() - 1));
      if (!function && !partOfNumber && !KEYWORDS.contains(m.group())) {
        names.add(m.group());
      }
    }
    return names;
  }
}
