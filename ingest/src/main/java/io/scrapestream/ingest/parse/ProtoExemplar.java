package io.scrapestream.ingest.parse;

/** One decoded {@code io.prometheus.client.Exemplar}, reused from metric to metric. */
final class ProtoExemplar {

  final LabelBuffer labels = new LabelBuffer();
  long valueBits;
  boolean hasTimestamp;
  long timestampMs;

  void clear() {
    labels.clear();
    valueBits = 0;
    hasTimestamp = false;
    timestampMs = 0;
  }

  /** A pool that hands out cleared exemplars by index and keeps them for the next metric. */
  static final class Pool {
    private ProtoExemplar[] items = new ProtoExemplar[4];
    private int size;

    void clear() {
      size = 0;
    }

    ProtoExemplar next() {
      if (size == items.length) {
        items = java.util.Arrays.copyOf(items, size * 2);
      }
      if (items[size] == null) {
        items[size] = new ProtoExemplar();
      }
      ProtoExemplar e = items[size++];
      e.clear();
      return e;
    }

    ProtoExemplar get(int i) {
      return items[java.util.Objects.checkIndex(i, size)];
    }

    int size() {
      return size;
    }
  }
}
