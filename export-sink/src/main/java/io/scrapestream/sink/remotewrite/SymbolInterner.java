package io.scrapestream.sink.remotewrite;

import io.scrapestream.schemas.v1.ScrapeBatch;
import io.scrapestream.sink.series.FlatBatch;
import io.scrapestream.sink.series.SeriesDecoder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The string table of one remote write 2.0 request, built from the string tables of its batches:
 * each distinct string once, {@code ""} at index 0. A batch's reference is mapped through a
 * per-batch array, so each string of a batch is looked up at most once.
 */
final class SymbolInterner {
  private final List<String> symbols = new ArrayList<>();
  private final Map<String, Integer> refs = new HashMap<>();
  private ScrapeBatch batch;
  private FlatBatch flat;
  private int[] remap = new int[0];
  private int batchSymbols;

  SymbolInterner() {
    intern("");
  }

  /** Forgets every string but {@code ""} (index 0), to start the next request. */
  void clear() {
    symbols.clear();
    refs.clear();
    batch = null;
    flat = null;
    batchSymbols = 0;
    intern("");
  }

  /** Makes {@code batch} the one whose references {@link #ref(int)} maps. */
  void use(ScrapeBatch batch) {
    this.batch = batch;
    this.flat = null;
    startBatch(batch.getSymbolsCount());
  }

  /** Makes the decoded {@code batch} the one whose references {@link #ref(int)} maps. */
  void use(FlatBatch batch) {
    this.batch = null;
    this.flat = batch;
    startBatch(batch.symbolCount());
  }

  private void startBatch(int size) {
    batchSymbols = size;
    if (remap.length < size) {
      remap = new int[size];
    }
    Arrays.fill(remap, 0, size, -1);
  }

  /**
   * The request's reference of the current batch's string {@code batchRef}.
   *
   * @throws io.scrapestream.sink.series.InvalidBatchException when it is out of the batch's table
   */
  int ref(int batchRef) {
    if (batchRef >= 0 && batchRef < batchSymbols && remap[batchRef] >= 0) {
      return remap[batchRef];
    }
    int mapped =
        intern(flat != null ? flat.symbol(batchRef) : SeriesDecoder.symbol(batch, batchRef));
    remap[batchRef] = mapped;
    return mapped;
  }

  /** The request's reference of {@code symbol}, adding it when new. */
  int intern(String symbol) {
    Integer ref = refs.get(symbol);
    if (ref == null) {
      ref = symbols.size();
      symbols.add(symbol);
      refs.put(symbol, ref);
    }
    return ref;
  }

  String symbol(int ref) {
    return symbols.get(ref);
  }

  List<String> symbols() {
    return symbols;
  }
}
