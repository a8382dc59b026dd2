package io.scrapestream.ingest.scrape;

import io.scrapestream.ingest.parse.LabelView;
import java.util.Arrays;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The label set of one series being built, sorted by name as a {@code TreeMap<String,String>} sorts
 * it ({@link String#compareTo}), on reused arrays: the sample path builds no map. Each label also
 * carries its {@link ScrapeSymbols} entries once {@link #resolve} ran.
 */
final class MergedLabels {
  private String[] names = new String[16];
  private String[] values = new String[16];
  private int[] nameEntries = new int[16];
  private int[] valueEntries = new int[16];
  private int size;

  void clear() {
    size = 0;
  }

  /** Loads the labels of a sample (exposition order, usually already sorted): insertion sort. */
  void load(LabelView labels) {
    size = 0;
    ensure(labels.size());
    for (int i = 0; i < labels.size(); i++) {
      String name = labels.name(i);
      int j = size;
      while (j > 0 && names[j - 1].compareTo(name) > 0) {
        names[j] = names[j - 1];
        values[j] = values[j - 1];
        j--;
      }
      names[j] = name;
      values[j] = labels.value(i);
      size++;
    }
  }

  /** Loads a label set (relabeling results, synthetic series). */
  void load(SortedMap<String, String> labels) {
    size = 0;
    ensure(labels.size());
    for (Map.Entry<String, String> label : labels.entrySet()) {
      names[size] = label.getKey();
      values[size++] = label.getValue();
    }
  }

  TreeMap<String, String> toMap() {
    TreeMap<String, String> map = new TreeMap<>();
    for (int i = 0; i < size; i++) {
      map.put(names[i], values[i]);
    }
    return map;
  }

  /** The index of the label {@code name}, or {@code -(insertion point) - 1}. */
  int indexOf(String name) {
    int low = 0;
    int high = size - 1;
    while (low <= high) {
      int mid = (low + high) >>> 1;
      int c = names[mid] == name ? 0 : names[mid].compareTo(name);
      if (c < 0) {
        low = mid + 1;
      } else if (c > 0) {
        high = mid - 1;
      } else {
        return mid;
      }
    }
    return -(low + 1);
  }

  /** Sets label {@code name} to {@code value}, as {@code TreeMap.put}. */
  void put(String name, String value) {
    int i = indexOf(name);
    if (i >= 0) {
      values[i] = value;
      return;
    }
    int at = -i - 1;
    ensure(size + 1);
    System.arraycopy(names, at, names, at + 1, size - at);
    System.arraycopy(values, at, values, at + 1, size - at);
    names[at] = name;
    values[at] = value;
    size++;
  }

  /** Drops the labels whose value is empty (Prometheus: an empty label is no label). */
  void removeEmptyValues() {
    int first = 0;
    while (first < size && !values[first].isEmpty()) {
      first++;
    }
    int kept = first;
    for (int i = first; i < size; i++) {
      if (!values[i].isEmpty()) {
        names[kept] = names[i];
        values[kept++] = values[i];
      }
    }
    Arrays.fill(names, kept, size, null);
    Arrays.fill(values, kept, size, null);
    size = kept;
  }

  /** Looks up the {@link ScrapeSymbols} entries of every name and value. */
  void resolve(ScrapeSymbols symbols) {
    for (int i = 0; i < size; i++) {
      nameEntries[i] = symbols.entry(names[i]);
      valueEntries[i] = symbols.entry(values[i]);
    }
  }

  int size() {
    return size;
  }

  String name(int i) {
    return names[i];
  }

  String value(int i) {
    return values[i];
  }

  int nameEntry(int i) {
    return nameEntries[i];
  }

  int valueEntry(int i) {
    return valueEntries[i];
  }

  private void ensure(int capacity) {
    if (capacity > names.length) {
      int grown = Math.max(capacity, names.length * 2);
      names = Arrays.copyOf(names, grown);
      values = Arrays.copyOf(values, grown);
      nameEntries = Arrays.copyOf(nameEntries, grown);
      valueEntries = Arrays.copyOf(valueEntries, grown);
    }
  }
}
