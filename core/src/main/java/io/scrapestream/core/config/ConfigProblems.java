package io.scrapestream.core.config;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects every problem found in a configuration, each as {@code <path>: <text>}, in the order
 * found. Paths look like {@code scrape_configs[2].static_configs[0].labels.env}.
 */
final class ConfigProblems {
  static final String ROOT = "(root)";

  private final List<String> problems = new ArrayList<>();

  /** Records {@code <path>: <expectation>. Found: <found>}. */
  void add(String path, String expectation, String found) {
    add(path, expectation + ". Found: " + found);
  }

  /** Records {@code <path>: <text>}. */
  void add(String path, String text) {
    problems.add((path.isEmpty() ? ROOT : path) + ": " + text);
  }

  int count() {
    return problems.size();
  }

  boolean isEmpty() {
    return problems.isEmpty();
  }

  List<String> list() {
    return List.copyOf(problems);
  }

  /** The path of a key inside the mapping at {@code parent}. */
  static String key(String parent, String key) {
    return parent.isEmpty() ? key : parent + "." + key;
  }

  /** The path of an item of the sequence at {@code parent}. */
  static String index(String parent, int index) {
    return parent + "[" + index + "]";
  }

  /** A string as a JSON string literal, so that spaces, quotes and control characters show. */
  static String quote(String text) {
    return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(text)) + "\"";
  }

  /** How a converted value is shown after {@code Found:}. */
  static String describe(Object value) {
    if (value instanceof String text) {
      return quote(text);
    }
    if (value instanceof Duration duration && !duration.isNegative()) {
      return PrometheusDuration.format(duration);
    }
    return String.valueOf(value);
  }
}
