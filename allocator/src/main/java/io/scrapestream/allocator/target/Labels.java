package io.scrapestream.allocator.target;

import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.BiConsumer;

/**
 * An immutable label set sorted by name, held as one array of alternating names and values: a
 * hundred thousand targets with two label sets each stay small. Empty values are left out, as in
 * Prometheus, where an empty label is no label.
 */
public final class Labels {
  private static final Labels EMPTY = new Labels(new String[0]);

  private final String[] namesAndValues;

  private Labels(String[] namesAndValues) {
    this.namesAndValues = namesAndValues;
  }

  /** The labels of {@code map} that have a non-empty value. */
  public static Labels of(Map<String, String> map) {
    SortedMap<String, String> sorted = map instanceof SortedMap<String, String> s
        && s.comparator() == null ? s : new TreeMap<>(map);
    String[] array = new String[sorted.size() * 2];
    int i = 0;
    for (Map.Entry<String, String> label : sorted.entrySet()) {
      if (!label.getValue().isEmpty()) {
        array[i++] = label.getKey().intern();
        array[i++] = label.getValue();
      }
    }
    return i == 0 ? EMPTY : new Labels(i == array.length ? array : Arrays.copyOf(array, i));
  }

  public static Labels empty() {
    return EMPTY;
  }

  /** The value of {@code name}, or null when it is not set. */
  public String get(String name) {
    int low = 0;
    int high = size() - 1;
    while (low <= high) {
      int mid = (low + high) >>> 1;
      int cmp = namesAndValues[2 * mid].compareTo(name);
      if (cmp == 0) {
        return namesAndValues[2 * mid + 1];
      }
      if (cmp < 0) {
        low = mid + 1;
      } else {
        high = mid - 1;
      }
    }
    return null;
  }

  public int size() {
    return namesAndValues.length / 2;
  }

  /** Calls {@code action} with each name and value, in name order. */
  public void forEach(BiConsumer<String, String> action) {
    for (int i = 0; i < namesAndValues.length; i += 2) {
      action.accept(namesAndValues[i], namesAndValues[i + 1]);
    }
  }

  /** A sorted, unmodifiable copy. */
  public SortedMap<String, String> asMap() {
    SortedMap<String, String> map = new TreeMap<>();
    forEach(map::put);
    return Collections.unmodifiableSortedMap(map);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Labels labels && Arrays.equals(labels.namesAndValues, namesAndValues);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(namesAndValues);
  }

  @Override
  public String toString() {
    return asMap().toString();
  }
}
