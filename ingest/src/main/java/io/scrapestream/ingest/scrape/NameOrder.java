package io.scrapestream.ingest.scrape;

import java.util.Arrays;

/**
 * What the sample path needs to order a series' label names, per label name of one scrape ({@link
 * ScrapeSymbols} entries), computed once per name and scrape instead of once per sample: an order
 * key (the name's first four UTF-16 units, so that most comparisons read no string) and its rank
 * among the target's label names (how many sort before it, or {@code -1 - j} when it is target
 * label {@code j}'s name). Orders as {@link String#compareTo}, as a {@code TreeMap<String,String>}
 * does. Kept across scrapes as the entries are: the keys until the symbols start over, the ranks
 * while the target label names stay the same.
 */
final class NameOrder {
  private static final int UNKNOWN = Integer.MIN_VALUE;

  private final ScrapeSymbols symbols;
  private long[] keys = new long[512];
  private int[] ranks = new int[512];
  private int used;
  private String[] targetNames = new String[0];
  private int[] ranked = new int[64]; // the entries whose rank is known
  private int rankedCount;
  private long epoch;

  NameOrder(ScrapeSymbols symbols) {
    this.symbols = symbols;
    this.epoch = symbols.epoch();
    Arrays.fill(ranks, UNKNOWN);
  }

  /** Forgets every name and the target when the symbols started over since the last call. */
  void clear() {
    if (epoch != symbols.epoch()) {
      epoch = symbols.epoch();
      forgetRanks();
      used = 0;
      targetNames = new String[0];
    }
  }

  /** Ranks names among these target label names (sorted) from now on. */
  void target(String[] sortedNames) {
    if (!Arrays.equals(sortedNames, targetNames)) {
      forgetRanks();
      targetNames = sortedNames;
    }
  }

  /** Forgets the ranks known, touching only their entries (the label names, a few dozen). */
  private void forgetRanks() {
    for (int i = 0; i < rankedCount; i++) {
      ranks[ranked[i]] = UNKNOWN;
    }
    rankedCount = 0;
  }

  /** Compares the names of two entries as {@link String#compareTo} does. */
  int compare(int a, int b) {
    if (a == b) {
      return 0;
    }
    long ka = key(a);
    long kb = key(b);
    if (ka != kb) {
      return Long.compareUnsigned(ka, kb);
    }
    return symbols.text(a).compareTo(symbols.text(b));
  }

  /**
   * How many target label names sort before the entry's name, or {@code -1 - j} when it is the name
   * of target label {@code j}.
   */
  int rank(int entry) {
    key(entry);
    int rank = ranks[entry];
    if (rank == UNKNOWN) {
      rank = computeRank(symbols.text(entry));
      ranks[entry] = rank;
      if (rankedCount == ranked.length) {
        ranked = Arrays.copyOf(ranked, rankedCount * 2);
      }
      ranked[rankedCount++] = entry;
    }
    return rank;
  }

  private long key(int entry) {
    if (entry >= used) {
      grow(entry + 1);
    }
    if (keys[entry] == 0) {
      keys[entry] = orderKey(symbols.text(entry));
    }
    return keys[entry];
  }

  private void grow(int size) {
    if (size > keys.length) {
      int capacity = Math.max(size, keys.length * 2);
      keys = Arrays.copyOf(keys, capacity);
      int old = ranks.length;
      ranks = Arrays.copyOf(ranks, capacity);
      Arrays.fill(ranks, old, capacity, UNKNOWN);
    }
    Arrays.fill(keys, used, size, 0);
    used = size;
  }

  private int computeRank(String name) {
    int low = 0;
    int high = targetNames.length - 1;
    while (low <= high) {
      int mid = (low + high) >>> 1;
      int c = targetNames[mid].compareTo(name);
      if (c < 0) {
        low = mid + 1;
      } else if (c > 0) {
        high = mid - 1;
      } else {
        return -1 - mid;
      }
    }
    return low;
  }

  /**
   * The first four UTF-16 units, zero past the end, most significant first: two names whose keys
   * differ compare as their keys do (unsigned); equal keys need the strings.
   */
  static long orderKey(String name) {
    long key = 0;
    for (int i = 0; i < 4; i++) {
      key = (key << 16) | (i < name.length() ? name.charAt(i) : 0);
    }
    return key;
  }
}
