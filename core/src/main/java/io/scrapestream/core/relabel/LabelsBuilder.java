package io.scrapestream.core.relabel;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A label set under relabeling, with the semantics of Prometheus's {@code labels.Builder}: setting
 * an empty value deletes, a missing label reads as empty, and {@link #snapshot()} lists the
 * original labels (sorted) before the ones set since, in the order they were first set. That order
 * decides which value wins when {@code labelmap} maps two labels to one name.
 */
final class LabelsBuilder {
  /** Byte order of the UTF-8 names, as Prometheus sorts labels. */
  static final Comparator<String> NAME_ORDER = LabelsBuilder::compareCodePoints;

  private final SortedMap<String, String> base;
  private final Set<String> deleted = new HashSet<>();
  private final Map<String, String> added = new LinkedHashMap<>();

  LabelsBuilder(Map<String, String> labels) {
    base = new TreeMap<>(NAME_ORDER);
    labels.forEach(
        (name, value) ->
            base.put(
                Objects.requireNonNull(name, "label name"),
                Objects.requireNonNull(value, () -> "value of label " + name)));
  }

  String get(String name) {
    String value = added.get(name);
    if (value != null) {
      return value;
    }
    return deleted.contains(name) ? "" : base.getOrDefault(name, "");
  }

  void set(String name, String value) {
    if (value.isEmpty()) {
      delete(name);
    } else {
      added.put(name, value);
    }
  }

  void delete(String name) {
    added.remove(name);
    deleted.add(name);
  }

  /** The current labels as (name, value) pairs, in Prometheus's range order; a copy. */
  List<Map.Entry<String, String>> snapshot() {
    List<Map.Entry<String, String>> labels = new ArrayList<>();
    base.forEach(
        (name, value) -> {
          if (!deleted.contains(name) && !added.containsKey(name)) {
            labels.add(Map.entry(name, value));
          }
        });
    added.forEach((name, value) -> labels.add(Map.entry(name, value)));
    return labels;
  }

  /** The resulting label set, sorted by name; unmodifiable. */
  SortedMap<String, String> labels() {
    SortedMap<String, String> labels = new TreeMap<>(NAME_ORDER);
    snapshot().forEach(label -> labels.put(label.getKey(), label.getValue()));
    return Collections.unmodifiableSortedMap(labels);
  }

  private static int compareCodePoints(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int ca = a.codePointAt(i);
      int cb = b.codePointAt(j);
      if (ca != cb) {
        return Integer.compare(ca, cb);
      }
      i += Character.charCount(ca);
      j += Character.charCount(cb);
    }
    return Boolean.compare(i < a.length(), j < b.length());
  }
}
