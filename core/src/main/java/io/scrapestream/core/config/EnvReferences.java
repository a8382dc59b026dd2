package io.scrapestream.core.config;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Replaces {@code ${env:NAME}} inside scalar strings by the value of environment variable NAME;
 * {@code $${env:NAME}} stands for the literal text {@code ${env:NAME}}. Any other {@code $} is kept
 * as it is. The environment is a parameter so that tests do not depend on the real one.
 */
final class EnvReferences {
  private static final String OPEN = "${env:";
  private static final String ESCAPED_OPEN = "$" + OPEN;
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private final Map<String, String> env;
  private final ConfigProblems problems;

  EnvReferences(Map<String, String> env, ConfigProblems problems) {
    this.env = Map.copyOf(env);
    this.problems = problems;
  }

  /** True when the text contains a reference or an escaped one, i.e. substitution may change it. */
  static boolean mentions(String text) {
    return text.contains(OPEN);
  }

  /**
   * The text with every reference replaced, or empty after recording a problem at {@code path} when
   * a reference is malformed or names an unset variable.
   */
  Optional<String> substitute(String text, String path) {
    if (!mentions(text)) {
      return Optional.of(text);
    }
    StringBuilder out = new StringBuilder(text.length());
    int at = 0;
    while (at < text.length()) {
      if (text.startsWith(ESCAPED_OPEN, at)) {
        out.append(OPEN);
        at += ESCAPED_OPEN.length();
      } else if (text.startsWith(OPEN, at)) {
        int close = text.indexOf('}', at);
        Optional<String> value = resolve(text, at, close, path);
        if (value.isEmpty()) {
          return Optional.empty();
        }
        out.append(value.get());
        at = close + 1;
      } else {
        out.append(text.charAt(at++));
      }
    }
    return Optional.of(out.toString());
  }

  private Optional<String> resolve(String text, int start, int close, String path) {
    String name = close < 0 ? "" : text.substring(start + OPEN.length(), close);
    if (close < 0 || !NAME.matcher(name).matches()) {
      problems.add(
          path,
          "must write environment references as ${env:NAME} with NAME matching"
              + " [A-Za-z_][A-Za-z0-9_]*",
          ConfigProblems.quote(text));
      return Optional.empty();
    }
    String value = env.get(name);
    if (value == null) {
      problems.add(
          path, "environment variable " + name + " is not set", ConfigProblems.quote(text));
      return Optional.empty();
    }
    return Optional.of(value);
  }
}
