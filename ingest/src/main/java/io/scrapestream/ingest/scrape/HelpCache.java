package io.scrapestream.ingest.scrape;

import java.util.Arrays;

/**
 * The last help text of each family name ({@link ScrapeSymbols} entry) and that text's entry, kept
 * across scrapes while the symbols' epoch lasts: a family whose help text is the same string as
 * last time (the parser hands out one string per text) costs two array reads, not a lookup of the
 * text. Its arrays grow with the entries, so they are bounded as the entries are.
 */
final class HelpCache {
  private static final int INITIAL_CAPACITY = 256;

  private final ScrapeSymbols symbols;
  private String[] texts = new String[INITIAL_CAPACITY];
  private int[] entries = new int[INITIAL_CAPACITY];
  private long epoch;

  HelpCache(ScrapeSymbols symbols) {
    this.symbols = symbols;
    this.epoch = symbols.epoch();
  }

  /** The entry of {@code help}, the help text of the family whose name is entry {@code family}. */
  int entry(int family, String help) {
    if (epoch != symbols.epoch()) {
      epoch = symbols.epoch();
      texts = new String[INITIAL_CAPACITY];
      entries = new int[INITIAL_CAPACITY];
    }
    if (family >= texts.length) {
      int capacity = Math.max(family + 1, texts.length * 2);
      texts = Arrays.copyOf(texts, capacity);
      entries = Arrays.copyOf(entries, capacity);
    }
    if (texts[family] == help) {
      return entries[family];
    }
    int entry = symbols.entry(help);
    texts[family] = help;
    entries[family] = entry;
    return entry;
  }
}
