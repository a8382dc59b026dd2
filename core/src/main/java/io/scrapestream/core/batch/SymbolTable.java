package io.scrapestream.core.batch;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The string table of a {@code ScrapeBatch} being built: each distinct string once, index 0 is the
 * empty string (as in remote write 2.0).
 */
public final class SymbolTable {
  private final Map<String, Integer> indexes = new HashMap<>();
  private final List<String> symbols = new ArrayList<>();

  public SymbolTable() {
    ref("");
  }

  /** The index of {@code symbol}, adding it when new. */
  public int ref(String symbol) {
    Integer existing = indexes.get(symbol);
    if (existing != null) {
      return existing;
    }
    int index = symbols.size();
    symbols.add(symbol);
    indexes.put(symbol, index);
    return index;
  }

  public List<String> symbols() {
    return symbols;
  }

  public int size() {
    return symbols.size();
  }
}
