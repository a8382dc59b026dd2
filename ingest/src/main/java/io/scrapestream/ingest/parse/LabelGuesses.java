package io.scrapestream.ingest.parse;

import java.util.Arrays;

/**
 * The label names and values of the last list read, by position: lines of one family mostly repeat
 * them. For a guess of up to 16 bytes the bytes are kept here too, in primitive arrays that stay in
 * the cache, so that a repeated label is recognised without reading its symbols at all (the symbol
 * references go to the label buffer untouched).
 */
final class LabelGuesses {

  private static final int MAX_INLINE = 16;

  private Symbol[] names = new Symbol[16];
  private Symbol[] values = new Symbol[16];

  /** Per position: the guess's length, or -1 when it cannot be matched from the words. */
  private int[] nameLengths = new int[16];

  private int[] valueLengths = new int[16];
  private long[] nameWords = new long[32];
  private long[] valueWords = new long[32];

  /** Forgets every guess (at the start of a parse: the symbols may not be the store's own). */
  void clear() {
    Arrays.fill(names, null);
    Arrays.fill(values, null);
    Arrays.fill(nameLengths, -1);
    Arrays.fill(valueLengths, -1);
  }

  /** Makes room for position {@code index}. */
  void ensure(int index) {
    if (index >= names.length) {
      int n = names.length * 2;
      names = Arrays.copyOf(names, n);
      values = Arrays.copyOf(values, n);
      nameLengths = grow(nameLengths, n);
      valueLengths = grow(valueLengths, n);
      nameWords = Arrays.copyOf(nameWords, 2 * n);
      valueWords = Arrays.copyOf(valueWords, 2 * n);
    }
  }

  private static int[] grow(int[] a, int n) {
    int old = a.length;
    int[] grown = Arrays.copyOf(a, n);
    Arrays.fill(grown, old, n, -1);
    return grown;
  }

  Symbol name(int index) {
    return names[index];
  }

  Symbol value(int index) {
    return values[index];
  }

  int nameLength(int index) {
    return nameLengths[index];
  }

  int valueLength(int index) {
    return valueLengths[index];
  }

  /** The guessed name if {@code b[from..]} spells it, followed by {@code =}. */
  Symbol shortName(byte[] b, int from, int limit, int index) {
    int n = nameLengths[index];
    return n >= 0 && from + n < limit && b[from + n] == '=' && spells(b, from, n, nameWords, index)
        ? names[index]
        : null;
  }

  /** The guessed value if {@code b[from..]} spells it, followed by the closing quote. */
  Symbol shortValue(byte[] b, int from, int limit, int index) {
    int n = valueLengths[index];
    return n >= 0 && from + n < limit && b[from + n] == '"' && spells(b, from, n, valueWords, index)
        ? values[index]
        : null;
  }

  private static boolean spells(byte[] b, int from, int n, long[] words, int index) {
    return from + MAX_INLINE <= b.length
        && Symbol.wordsMatch(b, from, n, words[2 * index], words[2 * index + 1]);
  }

  /** Remembers the label read at {@code index}. */
  void remember(int index, Symbol name, Symbol value) {
    if (names[index] != name) {
      names[index] = name;
      nameLengths[index] = name.length <= MAX_INLINE ? name.length : -1;
      nameWords[2 * index] = name.word0();
      nameWords[2 * index + 1] = name.word1();
    }
    if (values[index] != value) {
      values[index] = value;
      valueLengths[index] = value.plain && value.length <= MAX_INLINE ? value.length : -1;
      valueWords[2 * index] = value.word0();
      valueWords[2 * index + 1] = value.word1();
    }
  }
}
