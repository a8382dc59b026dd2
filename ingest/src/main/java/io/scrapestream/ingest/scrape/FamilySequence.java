package io.scrapestream.ingest.scrape;

import java.util.Arrays;

/**
 * The family names and help texts of a thread's last scrape, in the order they came, with their
 * {@link ScrapeSymbols} entries: the next scrape's families are expected in the same order (the
 * targets of a thread mostly run the same exporter), so a family name and its help text that are
 * the same strings as last time (the parser hands out one string per text) cost a compare on an
 * array read in order, not a lookup in the symbol index (whose arrays, read at random, miss the
 * caches). A family missing since last time is skipped over, a new one is looked up and the order
 * picks up again after it; in any other order every family is looked up, as without this.
 *
 * <p>Bounded: at most {@link #MAX_STEPS} families per scrape are remembered (two arrays of each of
 * strings and entries, sized by the largest scrape up to that bound), and nothing is remembered
 * once the symbols start over (their entries would be stale).
 */
final class FamilySequence {
  /** The most families remembered from one scrape. */
  static final int MAX_STEPS = 1 << 14;

  private final ScrapeSymbols symbols;
  private Steps last = new Steps();
  private Steps current = new Steps();
  private int cursor;
  private long epoch;
  private long hits;

  FamilySequence(ScrapeSymbols symbols) {
    this.symbols = symbols;
    this.epoch = symbols.epoch();
  }

  /**
   * Ends a scrape: what it recorded becomes the order the next scrape is expected in. A scrape that
   * recorded nothing (the buffers are reset both after a scrape and before the next) keeps the last
   * order.
   */
  void restart() {
    cursor = 0;
    if (current.length == 0) {
      return;
    }
    Steps done = current;
    current = last;
    last = done;
    current.length = 0;
  }

  /** The entry of {@code family}, the name of the next family of this scrape. */
  int family(String family) {
    if (epoch != symbols.epoch()) {
      epoch = symbols.epoch();
      last.length = 0;
      current.length = 0;
    }
    int entry;
    if (cursor < last.length && last.names[cursor] == family) {
      entry = last.nameEntries[cursor++];
      hits++;
    } else if (cursor + 1 < last.length && last.names[cursor + 1] == family) {
      cursor++;
      entry = last.nameEntries[cursor++];
      hits++;
    } else {
      entry = symbols.entry(family);
    }
    current.add(family, entry);
    return entry;
  }

  /** How many family names were found in the last scrape's order (not looked up), for tests. */
  long hits() {
    return hits;
  }

  /**
   * The entry of {@code help}, the help text of the family {@link #family} returned last: {@code
   * orElse} when it is not the text that family had last time.
   */
  int help(String help, HelpCache orElse, int familyEntry) {
    int at = cursor - 1;
    int entry =
        at >= 0 && at < last.length && last.nameEntries[at] == familyEntry && last.helps[at] == help
            ? last.helpEntries[at]
            : orElse.entry(familyEntry, help);
    current.help(help, entry);
    return entry;
  }

  /** One scrape's families: names, their entries, help texts and their entries, in order. */
  private static final class Steps {
    String[] names = new String[64];
    int[] nameEntries = new int[64];
    String[] helps = new String[64];
    int[] helpEntries = new int[64];
    int length;

    void add(String name, int entry) {
      if (length == names.length) {
        if (length == MAX_STEPS) {
          return;
        }
        grow();
      }
      names[length] = name;
      nameEntries[length] = entry;
      helps[length] = null;
      length++;
    }

    void help(String help, int entry) {
      if (length > 0 && length < MAX_STEPS) {
        helps[length - 1] = help;
        helpEntries[length - 1] = entry;
      }
    }

    private void grow() {
      int capacity = Math.min(MAX_STEPS, 2 * names.length);
      names = Arrays.copyOf(names, capacity);
      nameEntries = Arrays.copyOf(nameEntries, capacity);
      helps = Arrays.copyOf(helps, capacity);
      helpEntries = Arrays.copyOf(helpEntries, capacity);
    }
  }
}
