package io.scrapestream.enrich.batch;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the stages add to a batch: symbols (numbered after the batch's own), series (stale markers,
 * {@code scrape_series_added}), resource attributes, and labels for every series. Written after the
 * batch's bytes, which protobuf reads as if they had been there all along.
 */
final class BatchAppendix {
  private final int firstSymbol;
  private final List<byte[]> symbols = new ArrayList<>();
  private long[] symbolHashes = new long[8];
  private final Map<String, Integer> symbolIndexes = new HashMap<>();
  private final List<int[]> seriesRefs = new ArrayList<>();
  private long[] seriesBits = new long[8];
  private final List<String[]> attributes = new ArrayList<>();
  private final List<int[]> everySeriesLabels = new ArrayList<>();

  BatchAppendix(int firstSymbol) {
    this.firstSymbol = firstSymbol;
  }

  int symbol(String text) {
    Integer existing = symbolIndexes.get(text);
    if (existing != null) {
      return existing;
    }
    byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
    int local = symbols.size();
    if (local == symbolHashes.length) {
      symbolHashes = Arrays.copyOf(symbolHashes, local * 2);
    }
    symbols.add(utf8);
    symbolHashes[local] = SymbolHash.of(utf8, 0, utf8.length);
    symbolIndexes.put(text, firstSymbol + local);
    return firstSymbol + local;
  }

  int symbolCount() {
    return symbols.size();
  }

  byte[] symbolBytes(int local) {
    return symbols.get(local);
  }

  long symbolHash(int local) {
    return symbolHashes[local];
  }

  int series(int[] refs, long valueBits) {
    int local = seriesRefs.size();
    if (local == seriesBits.length) {
      seriesBits = Arrays.copyOf(seriesBits, local * 2);
    }
    seriesRefs.add(refs);
    seriesBits[local] = valueBits;
    return local;
  }

  int seriesCount() {
    return seriesRefs.size();
  }

  int[] seriesRefs(int local) {
    return seriesRefs.get(local);
  }

  long seriesBits(int local) {
    return seriesBits[local];
  }

  void setSeriesBits(int local, long valueBits) {
    seriesBits[local] = valueBits;
  }

  void attribute(String key, String value) {
    attributes.add(new String[] {key, value});
  }

  List<String[]> attributes() {
    return attributes;
  }

  void labelForEverySeries(int nameRef, int valueRef) {
    everySeriesLabels.add(new int[] {nameRef, valueRef});
  }

  List<int[]> everySeriesLabels() {
    return everySeriesLabels;
  }
}
