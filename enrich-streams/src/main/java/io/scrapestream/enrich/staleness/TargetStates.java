package io.scrapestream.enrich.staleness;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The staleness state of every target of a task, in one key-value store: {@code h:<target key>}
 * holds the {@link TargetHeader}, {@code s:<target key>} the {@link SeriesSet} of the last scrape,
 * {@code c:<target key>} the series of the chunks received so far of a scrape split into chunks.
 * Headers come first in key order, so the punctuator scans only them.
 */
public final class TargetStates {
  private static final Logger LOG = LoggerFactory.getLogger(TargetStates.class);
  private static final String HEADER = "h:";
  private static final String SERIES = "s:";
  private static final String CHUNKS = "c:";

  private final KeyValueStore<String, byte[]> store;

  public TargetStates(KeyValueStore<String, byte[]> store) {
    this.store = store;
  }

  /** The pending chunks of a scrape: its timestamp, whether a chunk had a report, the series. */
  record Chunks(long timestampMs, boolean hadReport, SeriesSet series) {}

  TargetHeader header(String key) {
    byte[] bytes = store.get(HEADER + key);
    return bytes == null ? null : TargetHeader.decode(bytes);
  }

  void putHeader(String key, TargetHeader header) {
    store.put(HEADER + key, header.encode());
  }

  SeriesSet seriesSet(String key) {
    byte[] bytes = store.get(SERIES + key);
    return bytes == null ? SeriesSet.empty() : SeriesSet.decode(bytes, 0);
  }

  void putSeriesSet(String key, byte[] seriesSet) {
    store.put(SERIES + key, seriesSet);
  }

  Chunks chunks(String key) {
    byte[] bytes = store.get(CHUNKS + key);
    if (bytes == null) {
      return null;
    }
    if (bytes.length < 9) {
      throw new StateFormatException(
          "chunk entry must hold at least 9 bytes. Found: " + bytes.length);
    }
    long timestamp = ByteBuffer.wrap(bytes).getLong();
    return new Chunks(timestamp, bytes[8] != 0, SeriesSet.decode(bytes, 9));
  }

  void putChunks(String key, long timestampMs, boolean hadReport, byte[] seriesSet) {
    byte[] value =
        ByteBuffer.allocate(9 + seriesSet.length)
            .putLong(timestampMs)
            .put((byte) (hadReport ? 1 : 0))
            .put(seriesSet)
            .array();
    store.put(CHUNKS + key, value);
  }

  void deleteChunks(String key) {
    store.delete(CHUNKS + key);
  }

  /** Forgets everything about a target. */
  public void forget(String key) {
    store.delete(HEADER + key);
    store.delete(SERIES + key);
    store.delete(CHUNKS + key);
  }

  /** Every target's header; a header that cannot be read is left out and its target forgotten. */
  List<Map.Entry<String, TargetHeader>> headers() {
    List<Map.Entry<String, TargetHeader>> headers = new ArrayList<>();
    List<String> unreadable = new ArrayList<>();
    try (KeyValueIterator<String, byte[]> entries =
        store.prefixScan(HEADER, new StringSerializer())) {
      while (entries.hasNext()) {
        KeyValue<String, byte[]> entry = entries.next();
        String key = entry.key.substring(HEADER.length());
        try {
          headers.add(Map.entry(key, TargetHeader.decode(entry.value)));
        } catch (StateFormatException e) {
          unreadable.add(key);
        }
      }
    }
    for (String key : unreadable) {
      LOG.warn("enrich: forgetting target {}: its staleness header cannot be read", key);
      forget(key);
    }
    return headers;
  }
}
