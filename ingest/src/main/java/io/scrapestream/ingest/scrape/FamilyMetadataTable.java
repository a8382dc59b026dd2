package io.scrapestream.ingest.scrape;

import io.scrapestream.ingest.parse.MetricType;
import java.util.Arrays;

/**
 * The {@code # TYPE}, {@code # HELP} and {@code # UNIT} of one scrape's metric families, in the
 * order families first appear, on reused arrays; written as the batch's {@code metadata} entries
 * (field 5) byte for byte as the generated {@code MetricFamilyMetadata} message would.
 *
 * <p>Lookups are saved: the {@code # TYPE} line right after its family's {@code # HELP} reuses the
 * family's index; a family name and help text in the order of this thread's last scrape are found
 * by identity in that order ({@link FamilySequence}); else a family's help text is found by the
 * identity of the last one it had (kept per family name entry, across scrapes, while the {@link
 * ScrapeSymbols} epoch lasts): a parser hands out the same string for the same text.
 */
final class FamilyMetadataTable {
  private static final int METADATA_FIELD = 5;

  private final ScrapeSymbols symbols;
  private int[] familyEntries = new int[256];
  private MetricType[] types = new MetricType[256];
  private int[] helpEntries = new int[256];
  private int[] unitEntries = new int[256];
  private int count;
  private String lastFamily;
  private int lastIndex;
  private final HelpCache helps;
  private final FamilySequence sequence;

  FamilyMetadataTable(ScrapeSymbols symbols) {
    this.symbols = symbols;
    this.helps = new HelpCache(symbols);
    this.sequence = new FamilySequence(symbols);
  }

  /** Forgets every family (their symbols stay). */
  void clear() {
    for (int i = 0; i < count; i++) {
      symbols.family(familyEntries[i], -1);
    }
    Arrays.fill(types, 0, count, null);
    count = 0;
    lastFamily = null;
    sequence.restart();
  }

  void type(String family, MetricType type) {
    int index = indexOf(family); // first: it may grow the arrays
    types[index] = type;
  }

  void help(String family, String help) {
    int index = indexOf(family);
    helpEntries[index] = sequence.help(help, helps, familyEntries[index]);
  }

  void unit(String family, String unit) {
    int index = indexOf(family);
    unitEntries[index] = symbols.entry(unit);
  }

  /** Writes every family's entry, assigning the refs of name, help and unit in that order. */
  void write(ProtoWriter out) {
    for (int i = 0; i < count; i++) {
      int name = symbols.ref(familyEntries[i]);
      int type = MetricTypes.toProto(types[i]).getNumber();
      int help = symbols.ref(helpEntries[i]);
      int unit = symbols.ref(unitEntries[i]);
      out.tag(METADATA_FIELD, ProtoWriter.LENGTH_DELIMITED);
      out.varint32(fieldSize(name) + fieldSize(type) + fieldSize(help) + fieldSize(unit));
      field(out, 1, name);
      field(out, 2, type);
      field(out, 3, help);
      field(out, 4, unit);
    }
  }

  private int indexOf(String family) {
    if (family == lastFamily) {
      return lastIndex;
    }
    int entry = sequence.family(family);
    int index = symbols.family(entry);
    if (index < 0) {
      index = add(entry);
    }
    lastFamily = family;
    lastIndex = index;
    return index;
  }

  private int add(int entry) {
    if (count == familyEntries.length) {
      int capacity = count * 2;
      familyEntries = Arrays.copyOf(familyEntries, capacity);
      types = Arrays.copyOf(types, capacity);
      helpEntries = Arrays.copyOf(helpEntries, capacity);
      unitEntries = Arrays.copyOf(unitEntries, capacity);
    }
    familyEntries[count] = entry;
    types[count] = MetricType.UNKNOWN;
    helpEntries[count] = ScrapeSymbols.EMPTY;
    unitEntries[count] = ScrapeSymbols.EMPTY;
    symbols.family(entry, count);
    return count++;
  }

  private static int fieldSize(int value) {
    return value == 0 ? 0 : 1 + ProtoWriter.varint32Size(value);
  }

  private static void field(ProtoWriter out, int field, int value) {
    if (value != 0) {
      out.tag(field, ProtoWriter.VARINT);
      out.varint32(value);
    }
  }
}
