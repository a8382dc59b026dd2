package io.scrapestream.ingest.scrape;

import io.scrapestream.ingest.parse.LabelView;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The strings a scrape thread's scrapes use, each once, with what the sample path needs of them: a
 * 64-bit hash of the text (for series hashes), its UTF-8 length (for the length limits) and, per
 * scrape, its index in the batch's string table (assigned on first use in the batch; index 0 is the
 * empty string, as in remote write 2.0) and the metadata index of a family name. Looked up by
 * identity first (the parser hands out interned strings), then by content, so equal strings from
 * elsewhere (target labels, another target) share one entry. Nothing boxes.
 *
 * <p>Entries (text, hash, UTF-8 length) are kept from one scrape to the next, so that the targets
 * of a thread, which mostly share names, help texts and label values, look each string up and hash
 * it once, not once per scrape; a parser symbol's note ({@link LabelView#nameNote}) stays valid as
 * long as the entries do. {@link #clear()} only forgets the string table, unless the entries grew
 * past {@link #MAX_KEPT}: then it starts over (new arrays, a new note stamp), so what a thread
 * keeps is bounded whatever the number of targets and series.
 */
final class ScrapeSymbols {
  /** The entry (and string table index) of the empty string, added first by {@link #clear()}. */
  static final int EMPTY = 0;

  /** The most entries kept from one scrape to the next (arrays of 36 bytes per entry: 2.4 MB). */
  static final int MAX_KEPT = 1 << 16;

  private static final int INITIAL_ENTRIES = 512;

  /** Stamps of {@link LabelView} notes: one per start over of any instance, never 0. */
  private static final AtomicLong STAMPS = new AtomicLong();

  private int[] slots; // entry + 1, 0 when empty
  private String[] texts;
  private long[] hashes;
  private int[] utf8Lengths;
  private int[] refs; // -1 while not in this scrape's string table
  private int[] byRef; // string table index -> entry
  private int[] families; // metadata index of a family name in this scrape, -1 when none
  private int entries;
  private int tableSize;
  private long stamp;
  private long epoch;

  ScrapeSymbols() {
    startOver();
  }

  /**
   * Starts a new scrape: the string table then holds just the empty string. The entries stay (and
   * with them their hashes, lengths and the parser's notes), unless there are more than {@link
   * #MAX_KEPT}: then every entry is dropped. Family indexes are the {@link FamilyMetadataTable}'s
   * to forget, before this.
   */
  void clear() {
    for (int ref = 0; ref < tableSize; ref++) {
      refs[byRef[ref]] = -1;
    }
    tableSize = 0;
    if (entries > MAX_KEPT) {
      startOver();
    } else {
      ref(EMPTY);
    }
  }

  /** How many times the entries were dropped: an entry number is valid within one epoch only. */
  long epoch() {
    return epoch;
  }

  /** Drops every entry; keeps the arrays unless they are over 4 times {@link #MAX_KEPT} long. */
  private void startOver() {
    stamp = STAMPS.incrementAndGet();
    epoch++;
    if (texts == null || texts.length > 4 * MAX_KEPT) {
      slots = new int[2 * INITIAL_ENTRIES];
      texts = new String[INITIAL_ENTRIES];
      hashes = new long[INITIAL_ENTRIES];
      utf8Lengths = new int[INITIAL_ENTRIES];
      refs = new int[INITIAL_ENTRIES];
      byRef = new int[INITIAL_ENTRIES];
      families = new int[INITIAL_ENTRIES];
    } else {
      Arrays.fill(slots, 0);
      Arrays.fill(texts, 0, entries, null);
    }
    entries = 0;
    ref(entry(""));
  }

  /** The entry of {@code text}, added when new; valid until {@link #clear()} starts over. */
  int entry(String text) {
    int h = text.hashCode();
    int mask = slots.length - 1;
    for (int i = spread(h) & mask; ; i = (i + 1) & mask) {
      int slot = slots[i];
      if (slot == 0) {
        slots[i] = add(text) + 1;
        if (entries * 2 > slots.length) {
          rehash(slots.length * 2);
        }
        return entries - 1;
      }
      String existing = texts[slot - 1];
      if (existing == text || (existing.hashCode() == h && existing.equals(text))) {
        return slot - 1;
      }
    }
  }

  /**
   * The entry of label {@code i}'s name in a parser's view: noted on the parser's symbol, so each
   * name is looked up once per epoch of this thread, not once per sample nor per scrape.
   */
  int nameEntry(LabelView labels, int i) {
    int entry = labels.nameNote(i, stamp);
    if (entry < 0) {
      entry = entry(labels.name(i));
      labels.nameNote(i, stamp, entry);
    }
    return entry;
  }

  /** As {@link #nameEntry}, for label {@code i}'s value. */
  int valueEntry(LabelView labels, int i) {
    int entry = labels.valueNote(i, stamp);
    if (entry < 0) {
      entry = entry(labels.value(i));
      labels.valueNote(i, stamp, entry);
    }
    return entry;
  }

  String text(int entry) {
    return texts[entry];
  }

  /** The 64-bit hash of the entry's text; computed on first use (label names and values only). */
  long hash(int entry) {
    long hash = hashes[entry];
    if (hash == 0) {
      hash = hash64(texts[entry]);
      hashes[entry] = hash;
    }
    return hash;
  }

  int utf8Length(int entry) {
    return utf8Lengths[entry];
  }

  /** The string table index of the entry, assigning the next one on first use. */
  int ref(int entry) {
    int ref = refs[entry];
    if (ref >= 0) {
      return ref;
    }
    byRef[tableSize] = entry;
    refs[entry] = tableSize;
    return tableSize++;
  }

  /** The index of this family name's metadata ({@link FamilyMetadataTable}), or -1. */
  int family(int entry) {
    return families[entry];
  }

  void family(int entry, int index) {
    families[entry] = index;
  }

  /** The number of strings in the string table. */
  int tableSize() {
    return tableSize;
  }

  /** The entry at string table index {@code ref}. */
  int entryAt(int ref) {
    return byRef[ref];
  }

  private int add(String text) {
    if (entries == texts.length) {
      int capacity = entries * 2;
      texts = Arrays.copyOf(texts, capacity);
      hashes = Arrays.copyOf(hashes, capacity);
      utf8Lengths = Arrays.copyOf(utf8Lengths, capacity);
      refs = Arrays.copyOf(refs, capacity);
      byRef = Arrays.copyOf(byRef, capacity);
      families = Arrays.copyOf(families, capacity);
    }
    texts[entries] = text;
    hashes[entries] = 0;
    utf8Lengths[entries] = utf8Length(text);
    refs[entries] = -1;
    families[entries] = -1;
    return entries++;
  }

  private void rehash(int capacity) {
    slots = new int[capacity];
    int mask = capacity - 1;
    for (int e = 0; e < entries; e++) {
      int i = spread(texts[e].hashCode()) & mask;
      while (slots[i] != 0) {
        i = (i + 1) & mask;
      }
      slots[i] = e + 1;
    }
  }

  private static int spread(int h) {
    return (h ^ (h >>> 16)) * 0x9E3779B1;
  }

  /** FNV-1a over the UTF-16 code units, finished with MurmurHash3's mixer. */
  static long hash64(String text) {
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < text.length(); i++) {
      h = (h ^ text.charAt(i)) * 0x100000001b3L;
    }
    long hash = SampleAdmission.mix(h, text.length());
    return hash == 0 ? 1 : hash; // 0 marks "not computed yet"
  }

  /** The number of bytes of {@code text} in UTF-8 (a lone surrogate is one {@code ?}). */
  static int utf8Length(String text) {
    int length = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x80) {
        length++;
      } else if (c < 0x800) {
        length += 2;
      } else if (!Character.isSurrogate(c)) {
        length += 3;
      } else if (Character.isHighSurrogate(c)
          && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        length += 4;
        i++;
      } else {
        length++;
      }
    }
    return length;
  }
}
