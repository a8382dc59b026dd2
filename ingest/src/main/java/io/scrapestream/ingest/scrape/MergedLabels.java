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
  private int[] ranks = new int[16];
  private int size;

  /** Empties it, dropping the references to the last scrape's strings. */
  void clear() {
    Arrays.fill(names, 0, names.length, null);
    Arrays.fill(values, 0, values.length, null);
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

  /**
   * Loads the labels of a sample as {@link #load(LabelView)} does, with their entries (so no {@link
   * #resolve} is needed) and their ranks among the target's label names, comparing names by {@link
   * NameOrder}. Returns false when a label has the name of a target label: {@link #mergeTarget}
   * cannot merge it then ({@link TargetLabels#mergeInto} and {@link #resolve} can).
   */
  boolean loadResolved(LabelView labels, ScrapeSymbols symbols, NameOrder order) {
    size = 0;
    ensure(labels.size());
    boolean clear = true;
    for (int i = 0; i < labels.size(); i++) {
      int nameEntry = symbols.nameEntry(labels, i);
      int rank = order.rank(nameEntry);
      clear &= rank >= 0;
      int j = size;
      while (j > 0 && order.compare(nameEntries[j - 1], nameEntry) > 0) {
        copy(j - 1, j);
        j--;
      }
      names[j] = labels.name(i);
      values[j] = labels.value(i);
      nameEntries[j] = nameEntry;
      valueEntries[j] = symbols.valueEntry(labels, i);
      ranks[j] = rank;
      size++;
    }
    return clear;
  }

  /**
   * Merges the target labels (sorted, resolved, none with the name of a loaded label) into the
   * labels {@link #loadResolved} loaded, by rank, then drops the labels whose value is empty.
   */
  void mergeTarget(String[] targetNames, String[] targetValues, int[] targetEntries) {
    int t = targetNames.length;
    ensure(size + t);
    int i = size - 1;
    int k = size + t - 1;
    for (int j = t - 1; j >= 0; k--) {
      if (i >= 0 && ranks[i] > j) {
        copy(i--, k);
      } else {
        names[k] = targetNames[j];
        values[k] = targetValues[j];
        nameEntries[k] = targetEntries[2 * j];
        valueEntries[k] = targetEntries[2 * j + 1];
        j--;
      }
    }
    size += t;
    dropEmptyEntries();
  }

  /** Drops the labels whose value is the empty string's entry, moving nothing before the first. */
  private void dropEmptyEntries() {
    int kept = 0;
    while (kept < size && valueEntries[kept] != ScrapeSymbols.EMPTY) {
      kept++;
    }
    for (int x = kept + 1; x < size; x++) {
      if (valueEntries[x] != ScrapeSymbols.EMPTY) {
        copy(x, kept++);
      }
    }
    size = Math.min(size, kept);
  }

  private void copy(int from, int to) {
    names[to] = names[from];
    values[to] = values[from];
    nameEntries[to] = nameEntries[from];
    valueEntries[to] = valueEntries[from];
    ranks[to] = ranks[from];
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
      ranks = Arrays.copyOf(ranks, grown);
    }
  }
}
