package io.scrapestream.enrich.staleness;

import com.google.protobuf.CodedOutputStream;
import io.scrapestream.enrich.batch.LabelSource;
import io.scrapestream.schemas.v1.Target;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a {@link SeriesSet}: the series given in ascending hash order, their labels copied as
 * bytes into a string table of only the strings they use, then — version 2, only when there are any
 * — the positions of the untracked series (those with their own timestamp). A set without untracked
 * series is written as version 1, which every earlier release reads.
 */
final class SeriesSetWriter {
  private final Map<LabelSource, int[]> remaps = new IdentityHashMap<>();
  private final List<LabelSource> symbolSources = new ArrayList<>();
  private final List<Integer> symbolIndexes = new ArrayList<>();

  private SeriesSetWriter() {}

  /**
   * Writes series {@code series[i]} of {@code sources[i]} with hash {@code hashes[i]}, for {@code i
   * < n}; hashes must ascend strictly.
   */
  static byte[] write(Target target, SeriesList list) {
    return new SeriesSetWriter().encode(target, list);
  }

  /**
   * Series taken from several sources, in ascending hash order; {@code untracked[i]} when series
   * {@code i} gets no stale marker.
   */
  record SeriesList(
      int n, long[] hashes, LabelSource[] sources, int[] series, boolean[] untracked) {
    /** Series that are all tracked. */
    SeriesList(int n, long[] hashes, LabelSource[] sources, int[] series) {
      this(n, hashes, sources, series, new boolean[n]);
    }
  }

  private byte[] encode(Target target, SeriesList list) {
    int[][] refs = new int[list.n()][];
    for (int i = 0; i < list.n(); i++) {
      refs[i] = localRefs(list.sources()[i], list.series()[i]);
    }
    int untracked = untrackedCount(list);
    ByteArrayOutputStream buffer = new ByteArrayOutputStream(64 + list.n() * 32);
    buffer.write(untracked == 0 ? SeriesSet.VERSION : SeriesSet.VERSION_WITH_UNTRACKED);
    CodedOutputStream out = CodedOutputStream.newInstance(buffer);
    try {
      out.writeByteArrayNoTag(target.toByteArray());
      out.writeUInt32NoTag(list.n());
      for (int i = 0; i < list.n(); i++) {
        out.writeFixed64NoTag(list.hashes()[i]);
      }
      writeSymbols(out);
      for (int[] r : refs) {
        out.writeUInt32NoTag(r.length);
        for (int ref : r) {
          out.writeUInt32NoTag(ref);
        }
      }
      if (untracked > 0) {
        writeUntracked(out, list, untracked);
      }
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("writing to memory failed", e);
    }
    return buffer.toByteArray();
  }

  private static int untrackedCount(SeriesList list) {
    int count = 0;
    for (int i = 0; i < list.n(); i++) {
      count += list.untracked()[i] ? 1 : 0;
    }
    return count;
  }

  private static void writeUntracked(CodedOutputStream out, SeriesList list, int count)
      throws IOException {
    out.writeUInt32NoTag(count);
    for (int i = 0; i < list.n(); i++) {
      if (list.untracked()[i]) {
        out.writeUInt32NoTag(i);
      }
    }
  }

  private int[] localRefs(LabelSource source, int series) {
    int[] remap = remaps.computeIfAbsent(source, s -> filled(s.symbolCount()));
    int[] refs = new int[source.labelRefCount(series)];
    for (int i = 0; i < refs.length; i++) {
      int symbol = source.labelRef(series, i);
      if (remap[symbol] < 0) {
        remap[symbol] = symbolSources.size();
        symbolSources.add(source);
        symbolIndexes.add(symbol);
      }
      refs[i] = remap[symbol];
    }
    return refs;
  }

  private void writeSymbols(CodedOutputStream out) throws IOException {
    out.writeUInt32NoTag(symbolSources.size());
    for (int s = 0; s < symbolSources.size(); s++) {
      LabelSource source = symbolSources.get(s);
      int symbol = symbolIndexes.get(s);
      int length = source.symbolLength(symbol);
      out.writeUInt32NoTag(length);
      out.writeRawBytes(source.symbolArray(symbol), source.symbolOffset(symbol), length);
    }
  }

  private static int[] filled(int n) {
    int[] array = new int[n];
    java.util.Arrays.fill(array, -1);
    return array;
  }
}
