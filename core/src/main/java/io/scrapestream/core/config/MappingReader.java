package io.scrapestream.core.config;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the keys of one YAML mapping. Every key asked for is remembered, so that {@link #finish()}
 * reports each other key as unknown, listing the known ones in the order they were read. Section
 * readers therefore read every key unconditionally, then call {@code finish()}. An absent key or an
 * explicit null gives the default; a bad value records a problem and also gives the default.
 *
 * <p>Adding a key to a section is one line: {@code int limit = m.integer("sample_limit", 0,
 * ConfigRules.NOT_NEGATIVE);}.
 */
final class MappingReader {
  private final Map<String, YamlNode> entries;
  private final String path;
  private final ReadContext ctx;
  private final boolean reported;
  private final Set<String> known = new LinkedHashSet<>();

  private MappingReader(
      Map<String, YamlNode> entries, String path, ReadContext ctx, boolean reported) {
    this.entries = entries;
    this.path = path;
    this.ctx = ctx;
    this.reported = reported;
  }

  /** The document's root mapping; an empty document reads as an empty mapping. */
  static MappingReader root(YamlNode node, ReadContext ctx) {
    return of(new ValueReader(node, "", ctx));
  }

  /**
   * The mapping a value holds; null reads as empty. Anything else is a problem and reads as empty,
   * without further "must be set" problems for its keys.
   */
  static MappingReader of(ValueReader value) {
    YamlNode node = value.node();
    if (node instanceof YamlNode.Mapping mapping) {
      return new MappingReader(mapping.entries(), value.path(), value.ctx(), false);
    }
    boolean absent = YamlNode.isAbsent(node);
    if (!absent) {
      value.problem("must be a mapping", YamlNode.describe(node));
    }
    return new MappingReader(Map.of(), value.path(), value.ctx(), !absent);
  }

  String path() {
    return path;
  }

  /** The number of problems of the whole load so far, to tell whether a section added some. */
  int problemCount() {
    return ctx.problems().count();
  }

  /** Records a problem about this mapping as a whole. */
  void problem(String expectation, String found) {
    ctx.problems().add(path, expectation, found);
  }

  /** Records a problem about one key of this mapping. */
  void problem(String key, String expectation, String found) {
    ctx.problems().add(ConfigProblems.key(path, key), expectation, found);
  }

  /** All keys present, in document order; used by free-form maps (labels, headers). */
  Set<String> keys() {
    return entries.keySet();
  }

  /** The value of a present key, even a null one; marks nothing. */
  ValueReader entry(String key) {
    return new ValueReader(entries.get(key), ConfigProblems.key(path, key), ctx);
  }

  /** Marks the key as known and tells whether it is present (possibly with a null value). */
  boolean has(String key) {
    known.add(key);
    return entries.containsKey(key);
  }

  /** Marks the key as known and returns its value unless it is absent or null. */
  Optional<ValueReader> value(String key) {
    known.add(key);
    YamlNode node = entries.get(key);
    return YamlNode.isAbsent(node) ? Optional.empty() : Optional.of(entry(key));
  }

  String string(String key, String fallback) {
    return string(key, fallback, ValueRule.any());
  }

  String string(String key, String fallback, ValueRule<String> rule) {
    return value(key).flatMap(v -> v.text().flatMap(text -> v.check(text, rule))).orElse(fallback);
  }

  /** A string that must be present: absence or null is a problem. */
  Optional<String> required(String key, ValueRule<String> rule) {
    boolean present = has(key);
    Optional<ValueReader> value = value(key);
    if (value.isEmpty() && !reported) {
      problem(key, "must be set", present ? "null" : "nothing");
    }
    return value.flatMap(v -> v.text().flatMap(text -> v.check(text, rule)));
  }

  boolean bool(String key, boolean fallback) {
    return value(key).flatMap(ValueReader::bool).orElse(fallback);
  }

  int integer(String key, int fallback, ValueRule<Integer> rule) {
    return value(key).flatMap(v -> v.integer().flatMap(i -> v.check(i, rule))).orElse(fallback);
  }

  Duration duration(String key, Duration fallback, ValueRule<Duration> rule) {
    return optionalDuration(key, rule).orElse(fallback);
  }

  Optional<Duration> optionalDuration(String key, ValueRule<Duration> rule) {
    return value(key).flatMap(v -> v.duration().flatMap(d -> v.check(d, rule)));
  }

  List<String> stringList(String key, ValueRule<String> itemRule) {
    return value(key).map(v -> v.stringList(itemRule)).orElse(List.of());
  }

  Map<String, String> stringMap(
      String key, ValueRule<String> keyRule, ValueRule<String> valueRule) {
    return value(key).map(v -> v.stringMap(keyRule, valueRule)).orElse(Map.of());
  }

  /** A mapping of strings to lists of strings, such as {@code params}. */
  Map<String, List<String>> stringListMap(String key, ValueRule<String> keyRule) {
    Map<String, List<String>> values = new LinkedHashMap<>();
    MappingReader mapping = mapping(key);
    for (String name : mapping.keys()) {
      ValueReader value = mapping.entry(name);
      Optional<String> checkedName = value.check(name, keyRule);
      List<String> list = value.stringList(ValueRule.any());
      checkedName.ifPresent(n -> values.put(n, list));
    }
    return values;
  }

  /** The mapping under a key; absent or null reads as an empty mapping. */
  MappingReader mapping(String key) {
    return value(key)
        .map(MappingReader::of)
        .orElseGet(() -> new MappingReader(Map.of(), ConfigProblems.key(path, key), ctx, false));
  }

  /**
   * The items of a list under a key; absent or null reads as no items. Turn each into a {@link
   * MappingReader} with {@link #of} just before reading it, so problems stay in document order.
   */
  List<ValueReader> items(String key) {
    return value(key).map(ValueReader::items).orElse(List.of());
  }

  /** Reports every key that was never asked for. Call once, after reading all keys. */
  void finish() {
    for (String key : entries.keySet()) {
      if (!known.contains(key)) {
        ctx.problems()
            .add(
                ConfigProblems.key(path, key),
                "unknown key. Expected one of: " + String.join(", ", known));
      }
    }
  }
}
