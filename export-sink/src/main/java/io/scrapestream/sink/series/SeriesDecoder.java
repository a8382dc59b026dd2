package io.scrapestream.sink.series;

import io.scrapestream.schemas.v1.ScrapeBatch;
import io.scrapestream.schemas.v1.Series;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/** Reads series of a {@link ScrapeBatch} out of its string table, checking the record contract. */
public final class SeriesDecoder {

  /**
   * Label names in the order remote write requires: by Unicode code point, which is the byte order
   * of their UTF-8 encoding (String.compareTo differs for characters outside the BMP).
   */
  public static final Comparator<String> LABEL_NAME_ORDER = SeriesDecoder::compareCodePoints;

  private SeriesDecoder() {}

  /**
   * The labels referenced by {@code labelRefs} (name, value, name, value, ...), sorted by {@link
   * #LABEL_NAME_ORDER}, without empty-valued labels (Prometheus treats them as absent).
   *
   * @throws InvalidBatchException when a reference is out of the string table, the list has an odd
   *     length, or a name is empty or repeated
   */
  public static SortedMap<String, String> labels(ScrapeBatch batch, List<Integer> labelRefs) {
    if (labelRefs.size() % 2 != 0) {
      throw invalid(
          batch,
          "label_refs: must hold name/value pairs. Found: " + labelRefs.size() + " references");
    }
    SortedMap<String, String> labels = new TreeMap<>(LABEL_NAME_ORDER);
    Set<String> names = new HashSet<>();
    for (int i = 0; i < labelRefs.size(); i += 2) {
      String name = symbol(batch, labelRefs.get(i));
      String value = symbol(batch, labelRefs.get(i + 1));
      if (name.isEmpty()) {
        throw invalid(batch, "label name: must not be empty. Found value: " + value);
      }
      if (!names.add(name)) {
        throw invalid(batch, "label name: must not repeat in a series. Found twice: " + name);
      }
      if (!value.isEmpty()) {
        labels.put(name, value);
      }
    }
    return labels;
  }

  /** The sample's timestamp: its own when it has one, else the batch's (the scrape's). */
  public static long timestampMs(ScrapeBatch batch, Series series) {
    return series.hasTimestampMs() ? series.getTimestampMs() : batch.getTimestampMs();
  }

  /**
   * The string at {@code ref} in the batch's string table.
   *
   * @throws InvalidBatchException when {@code ref} is out of the table
   */
  public static String symbol(ScrapeBatch batch, int ref) {
    if (ref < 0 || ref >= batch.getSymbolsCount()) {
      throw invalid(
          batch,
          "symbol reference: must be < "
              + batch.getSymbolsCount()
              + " (the string table size). Found: "
              + Integer.toUnsignedString(ref));
    }
    return batch.getSymbols(ref);
  }

  /** An {@link InvalidBatchException} whose message names the batch's target. */
  public static InvalidBatchException invalid(ScrapeBatch batch, String problem) {
    return new InvalidBatchException(
        "invalid batch of target '" + batch.getTarget().getKey() + "': " + problem);
  }

  private static int compareCodePoints(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int ca = a.codePointAt(i);
      int cb = b.codePointAt(j);
      if (ca != cb) {
        return Integer.compare(ca, cb);
      }
      i += Character.charCount(ca);
      j += Character.charCount(cb);
    }
    return Boolean.compare(i < a.length(), j < b.length());
  }
}
