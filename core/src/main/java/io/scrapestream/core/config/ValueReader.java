package io.scrapestream.core.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads one present YAML node at a path into a Java value. Every conversion records a problem and
 * returns empty (or what was valid of a collection) instead of throwing, so that a load reports all
 * problems at once. Scalars are accepted as text wherever a string is expected; a list or mapping
 * is never. Typed scalars (booleans, integers) also accept a string holding {@code ${env:NAME}},
 * whose substituted value is then parsed.
 */
final class ValueReader {
  private final YamlNode node;
  private final String path;
  private final ReadContext ctx;

  ValueReader(YamlNode node, String path, ReadContext ctx) {
    this.node = node;
    this.path = path;
    this.ctx = ctx;
  }

  String path() {
    return path;
  }

  YamlNode node() {
    return node;
  }

  ReadContext ctx() {
    return ctx;
  }

  /** Records {@code <path>: <expectation>. Found: <found>}. */
  void problem(String expectation, String found) {
    ctx.problems().add(path, expectation, found);
  }

  /** The value when it passes the rule, else empty after recording the rule's expectation. */
  <T> Optional<T> check(T value, ValueRule<T> rule) {
    if (rule.test().test(value)) {
      return Optional.of(value);
    }
    problem(rule.expectation(), ConfigProblems.describe(value));
    return Optional.empty();
  }

  /** Any non-null scalar as text, with environment references substituted in strings. */
  Optional<String> text() {
    if (node instanceof YamlNode.Scalar scalar && !scalar.isNull()) {
      return scalar.kind() == YamlNode.Kind.STRING
          ? ctx.env().substitute(scalar.text(), path)
          : Optional.of(scalar.text());
    }
    problem("must be a string", YamlNode.describe(node));
    return Optional.empty();
  }

  Optional<Boolean> bool() {
    String expectation = "must be a boolean";
    return typedText(Set.of(YamlNode.Kind.BOOLEAN), expectation)
        .flatMap(
            text -> {
              if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
                return Optional.of(Boolean.parseBoolean(text));
              }
              problem(expectation, ConfigProblems.quote(text));
              return Optional.empty();
            });
  }

  Optional<Integer> integer() {
    String expectation = "must be an integer";
    return typedText(Set.of(YamlNode.Kind.INTEGER), expectation)
        .flatMap(
            text -> {
              try {
                return Optional.of(Integer.parseInt(text));
              } catch (NumberFormatException e) {
                boolean digits = text.matches("[-+]?[0-9]+");
                problem(
                    digits ? expectation + " between -2147483648 and 2147483647" : expectation,
                    found(text));
                return Optional.empty();
              }
            });
  }

  /**
   * An integer between 0 and 2^64-1 held as an unsigned {@code long}, for the fields Prometheus
   * reads as {@code uint64} (such as {@code modulus}). As in Prometheus's YAML decoder, {@code _}
   * separators and the prefixes {@code 0x}, {@code 0o}, {@code 0b} and {@code 0} (octal) are read.
   */
  Optional<Long> unsignedLong() {
    String expectation = "must be an integer between 0 and 18446744073709551615";
    return typedText(Set.of(YamlNode.Kind.INTEGER), expectation)
        .flatMap(
            text -> {
              try {
                return Optional.of(parseUnsigned(text.replace("_", "")));
              } catch (NumberFormatException e) {
                problem(expectation, found(text));
                return Optional.empty();
              }
            });
  }

  private static long parseUnsigned(String text) {
    String digits = text.startsWith("+") ? text.substring(1) : text;
    String lower = digits.toLowerCase(Locale.ROOT);
    if (lower.startsWith("0x") || lower.startsWith("0o") || lower.startsWith("0b")) {
      int radix = lower.charAt(1) == 'x' ? 16 : lower.charAt(1) == 'o' ? 8 : 2;
      return Long.parseUnsignedLong(requireDigit(digits.substring(2)), radix);
    }
    if (digits.length() > 1 && digits.startsWith("0")) {
      return Long.parseUnsignedLong(requireDigit(digits.substring(1)), 8);
    }
    return Long.parseUnsignedLong(requireDigit(digits), 10);
  }

  /** Refuses a second sign, which {@code Long.parseUnsignedLong} would take. */
  private static String requireDigit(String digits) {
    if (digits.startsWith("+")) {
      throw new NumberFormatException(digits);
    }
    return digits;
  }

  /** A Prometheus duration; a plain {@code 0} is accepted as zero. */
  Optional<Duration> duration() {
    String expectation = "must be a duration such as 30s, 1m30s or 500ms";
    Optional<String> text =
        typedText(Set.of(YamlNode.Kind.STRING, YamlNode.Kind.INTEGER), expectation);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    Optional<Duration> duration = PrometheusDuration.tryParse(text.get());
    if (duration.isEmpty()) {
      problem(expectation, found(text.get()));
    }
    return duration;
  }

  /** A list of strings; items that are not strings or fail the rule are reported and left out. */
  List<String> stringList(ValueRule<String> itemRule) {
    List<String> values = new ArrayList<>();
    for (ValueReader item : items()) {
      item.text().flatMap(text -> item.check(text, itemRule)).ifPresent(values::add);
    }
    return values;
  }

  /** A mapping of strings to strings; bad keys and values are reported and left out. */
  Map<String, String> stringMap(ValueRule<String> keyRule, ValueRule<String> valueRule) {
    Map<String, String> values = new LinkedHashMap<>();
    MappingReader mapping = MappingReader.of(this);
    for (String key : mapping.keys()) {
      ValueReader value = mapping.entry(key);
      Optional<String> checkedKey = value.check(key, keyRule);
      Optional<String> text = value.text().flatMap(v -> value.check(v, valueRule));
      if (checkedKey.isPresent() && text.isPresent()) {
        values.put(key, text.get());
      }
    }
    return values;
  }

  /** The items of a sequence; anything else is reported and reads as no items. */
  List<ValueReader> items() {
    if (!(node instanceof YamlNode.Sequence sequence)) {
      problem("must be a list", YamlNode.describe(node));
      return List.of();
    }
    List<ValueReader> items = new ArrayList<>();
    for (YamlNode item : sequence.items()) {
      items.add(new ValueReader(item, ConfigProblems.index(path, items.size()), ctx));
    }
    return items;
  }

  private Optional<String> typedText(Set<YamlNode.Kind> kinds, String expectation) {
    if (node instanceof YamlNode.Scalar scalar) {
      if (scalar.kind() == YamlNode.Kind.STRING
          && (kinds.contains(YamlNode.Kind.STRING) || EnvReferences.mentions(scalar.text()))) {
        return ctx.env().substitute(scalar.text(), path);
      }
      if (kinds.contains(scalar.kind())) {
        return Optional.of(scalar.text());
      }
    }
    problem(expectation, YamlNode.describe(node));
    return Optional.empty();
  }

  private String found(String text) {
    return node instanceof YamlNode.Scalar scalar && scalar.kind() == YamlNode.Kind.STRING
        ? ConfigProblems.quote(text)
        : text;
  }
}
