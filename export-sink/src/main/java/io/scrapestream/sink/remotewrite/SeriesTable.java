package io.scrapestream.sink.remotewrite;

import java.util.Arrays;

/**
 * The float samples of one remote write request grouped by label set, in flat arrays reused from
 * request to request: each label set (request references, name/value pairs, sorted by name) gets an
 * id in order of first appearance, and each sample (timestamp, value bits) the id of its series. No
 * object per series or per sample.
 */
final class SeriesTable {
  private int[] refs = new int[4096];
  private int refsUsed;
  private int[] refsStart = new int[256];
  private int[] refsLength = new int[256];
  private int[] hashes = new int[256];
  private int[] slots = new int[512];
  private int seriesCount;
  private long[] timestamps = new long[1024];
  private long[] valueBits = new long[1024];
  private int[] owners = new int[1024];
  private int sampleCount;
  private int[] order = new int[1024];
  private int[] firsts = new int[257];

  /** Forgets every series and sample; keeps the arrays. */
  void clear() {
    Arrays.fill(slots, 0);
    refsUsed = 0;
    seriesCount = 0;
    sampleCount = 0;
  }

  int seriesCount() {
    return seriesCount;
  }

  int sampleCount() {
    return sampleCount;
  }

  /** The id of the series with the first {@code length} of {@code pairs}, added when new. */
  int id(int[] pairs, int length) {
    int hash = hash(pairs, length);
    int mask = slots.length - 1;
    for (int slot = hash & mask; ; slot = (slot + 1) & mask) {
      int id = slots[slot] - 1;
      if (id < 0) {
        return add(pairs, length, hash, slot);
      }
      if (hashes[id] == hash && sameRefs(id, pairs, length)) {
        return id;
      }
    }
  }

  /** Adds a float sample to series {@code id}. */
  void sample(int id, long timestampMs, long bits) {
    if (sampleCount == timestamps.length) {
      int size = sampleCount * 2;
      timestamps = Arrays.copyOf(timestamps, size);
      valueBits = Arrays.copyOf(valueBits, size);
      owners = Arrays.copyOf(owners, size);
    }
    timestamps[sampleCount] = timestampMs;
    valueBits[sampleCount] = bits;
    owners[sampleCount++] = id;
  }

  /**
   * Orders the samples by series and, within a series, by timestamp (stable: equal timestamps keep
   * their order). Call once, after the last sample.
   */
  void sortSamples() {
    if (firsts.length < seriesCount + 1) {
      firsts = new int[seriesCount + 1];
    }
    Arrays.fill(firsts, 0, seriesCount + 1, 0);
    for (int i = 0; i < sampleCount; i++) {
      firsts[owners[i] + 1]++;
    }
    for (int id = 0; id < seriesCount; id++) {
      firsts[id + 1] += firsts[id];
    }
    if (order.length < sampleCount) {
      order = new int[timestamps.length];
    }
    int[] next = Arrays.copyOf(firsts, seriesCount);
    for (int i = 0; i < sampleCount; i++) {
      order[next[owners[i]]++] = i;
    }
    for (int id = 0; id < seriesCount; id++) {
      sortByTimestamp(firsts[id], firsts[id + 1]);
    }
  }

  int refsStart(int id) {
    return refsStart[id];
  }

  int refsLength(int id) {
    return refsLength[id];
  }

  /** The label references of every series; a series' are at {@link #refsStart(int)}. */
  int[] refs() {
    return refs;
  }

  /** The first sample of series {@code id} in {@link #sortSamples()} order. */
  int firstSample(int id) {
    return firsts[id];
  }

  /** The sample at {@code position} in {@link #sortSamples()} order. */
  int sampleAt(int position) {
    return order[position];
  }

  long timestamp(int sample) {
    return timestamps[sample];
  }

  long valueBits(int sample) {
    return valueBits[sample];
  }

  private int add(int[] pairs, int length, int hash, int slot) {
    int id = seriesCount++;
    if (id == refsStart.length) {
      refsStart = Arrays.copyOf(refsStart, id * 2);
      refsLength = Arrays.copyOf(refsLength, id * 2);
      hashes = Arrays.copyOf(hashes, id * 2);
    }
    if (refsUsed + length > refs.length) {
      refs = Arrays.copyOf(refs, Math.max(refs.length * 2, refsUsed + length));
    }
    System.arraycopy(pairs, 0, refs, refsUsed, length);
    refsStart[id] = refsUsed;
    refsLength[id] = length;
    hashes[id] = hash;
    refsUsed += length;
    slots[slot] = id + 1;
    if (seriesCount * 2 > slots.length) {
      rehash(slots.length * 2);
    }
    return id;
  }

  private void rehash(int size) {
    slots = new int[size];
    int mask = size - 1;
    for (int id = 0; id < seriesCount; id++) {
      int slot = hashes[id] & mask;
      while (slots[slot] != 0) {
        slot = (slot + 1) & mask;
      }
      slots[slot] = id + 1;
    }
  }

  private boolean sameRefs(int id, int[] pairs, int length) {
    int start = refsStart[id];
    return refsLength[id] == length && Arrays.equals(refs, start, start + length, pairs, 0, length);
  }

  private void sortByTimestamp(int from, int to) {
    for (int i = from + 1; i < to; i++) {
      int sample = order[i];
      long timestamp = timestamps[sample];
      int at = i;
      while (at > from && timestamps[order[at - 1]] > timestamp) {
        order[at] = order[at - 1];
        at--;
      }
      order[at] = sample;
    }
  }

  private static int hash(int[] pairs, int length) {
    int hash = 1;
    for (int i = 0; i < length; i++) {
      hash = 31 * hash + pairs[i];
    }
    return hash ^ (hash >>> 16);
  }
}
