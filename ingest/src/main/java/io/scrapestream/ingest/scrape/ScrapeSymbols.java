package io.scrapestream.ingest.scrape;

import io.scrapestream.ingest.parse.LabelView;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The strings one scrape uses, each once, with what the sample path needs of them: a 64-bit hash of
 * the text (for series hashes), its UTF-8 length (for the length limits) and its index in the
 * batch's string table (assigned on first use in the batch; index 0 is the empty string, as in
 * remote write 2.0), and the metadata index of a family name. Looked up by identity first (the
 * parser hands out interned strings), then by content, so equal strings from elsewhere (target
 * labels) share one entry. Nothing boxes, and the arrays are reused: {@link #clear()} empties it
 * for the next scrape, keeping the capacity, and drops every reference to the strings of the last
 * one.
 */
final class ScrapeSymbols {
  /** The entry (and string table index) of the empty string, added first by {@link #clear()}. */
  static final int EMPTY = 0;

  /** Stamps of {@link LabelView} notes: one per {@link #clear()} of any instance, never 0. */
  private static final AtomicLong STAMPS = new AtomicLong();

  private int[] slots = new int[1024]; // entry + 1, 0 when empty
  private String[] texts = new String[512];
  private long[] hashes = new long[512];
  private int[] utf8Lengths = new int[512];
  private int[] refs = new int[512]; // -1 while not in the string table
  private int[] byRef = new int[512]; // string table index -> entry
  private int[] families = new int[512]; // metadata index of a family name, -1 when none
  private int entries;
  private int tableSize;
  private long stamp;

  ScrapeSymbols() {
    clear();
  }

  /** Empties it for a new scrape; the string table then holds just the empty string. */
  void clear() {
    stamp = STAMPS.incrementAndGet();
    Arrays.fill(slots, 0);
    Arrays.fill(texts, 0, entries, null);
    entries = 0;
    tableSize = 0;
    ref(entry(""));
  }

  /** The entry of {@code text}, added when new. Entries stay valid until {@link #clear()}. */
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
   * name is looked up once per scrape, not once per sample.
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
