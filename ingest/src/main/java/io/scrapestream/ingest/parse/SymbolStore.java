package io.scrapestream.ingest.parse;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The symbols of one scrape thread, shared by every parser that runs on it: byte ranges to {@link
 * Symbol}s, open addressing over parallel hash and symbol arrays (a probe reads the symbol only
 * when the hashes agree), no allocation on a hit.
 *
 * <p>It never evicts during a parse, so that within one parse the same bytes always give the same
 * symbol (and the same {@code String} instance). When a parse ends with more than {@link #MAX_KEPT}
 * symbols it starts over: what it retains between parses is bounded per thread, whatever the number
 * of targets and series. Targets scraped by one thread mostly share names, help texts and label
 * values, so they share the symbols too.
 */
final class SymbolStore {

  /** The most symbols kept from one parse to the next (about 5 MB at 30-byte values). */
  static final int MAX_KEPT = 1 << 15;

  private static final int INITIAL_SLOTS = 1 << 10;

  private int[] hashes = new int[INITIAL_SLOTS];
  private Symbol[] slots = new Symbol[INITIAL_SLOTS];
  private int size;
  private long nextId = 1;
  private int generation;
  private long epoch;

  /**
   * Starts a parse: starts over first if the store grew past {@link #MAX_KEPT}. Returns the parse's
   * generation, the value that marks symbols in this parse (never 0, unique until the store starts
   * over).
   */
  int beginParse() {
    if (generation == Integer.MAX_VALUE) {
      startOver();
    }
    trim();
    return ++generation;
  }

  /** Ends a parse: starts over if the store grew past {@link #MAX_KEPT}, so as not to keep it. */
  void trim() {
    if (size > MAX_KEPT) {
      startOver();
    }
  }

  private void startOver() {
    hashes = new int[INITIAL_SLOTS];
    slots = new Symbol[INITIAL_SLOTS];
    size = 0;
    generation = 0;
    epoch++;
  }

  /** How many times the store started over; symbols of an earlier epoch are no longer its own. */
  long epoch() {
    return epoch;
  }

  int size() {
    return size;
  }

  /** {@link #intern(byte[], int, int, int)} with the hash computed here. */
  Symbol intern(byte[] b, int from, int to) {
    return intern(b, from, to, SymbolHash.of(b, from, to));
  }

  /**
   * The symbol for the bytes {@code [from, to)}, whose {@link SymbolHash} is {@code h}, created on
   * first sight; {@code null} if they are not valid UTF-8.
   */
  Symbol intern(byte[] b, int from, int to, int h) {
    int mask = slots.length - 1;
    for (int i = h & mask; ; i = (i + 1) & mask) {
      Symbol s = slots[i];
      if (s == null) {
        return insert(b, from, to, h, i);
      }
      if (hashes[i] == h && s.matches(b, from, to)) {
        return s;
      }
    }
  }

  private Symbol insert(byte[] b, int from, int to, int h, int slot) {
    String text;
    if (Utf8.isAscii(b, from, to)) {
      text = new String(b, from, to - from, StandardCharsets.ISO_8859_1);
    } else if (Utf8.firstInvalid(b, from, to) < 0) {
      text = new String(b, from, to - from, StandardCharsets.UTF_8);
    } else {
      return null;
    }
    Symbol s = new Symbol(Arrays.copyOfRange(b, from, to), h, text, nextId++);
    slots[slot] = s;
    hashes[slot] = h;
    if (++size * 2 > slots.length) {
      rehash();
    }
    return s;
  }

  private void rehash() {
    Symbol[] old = slots;
    slots = new Symbol[old.length * 2];
    hashes = new int[old.length * 2];
    int mask = slots.length - 1;
    for (Symbol s : old) {
      if (s != null) {
        int i = s.hash & mask;
        while (slots[i] != null) {
          i = (i + 1) & mask;
        }
        slots[i] = s;
        hashes[i] = s.hash;
      }
    }
  }
}
