package io.scrapestream.enrich.topology;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.StateStoreContext;
import org.apache.kafka.streams.query.Position;
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * The default persistent store, whose state directory is copied aside right after the store closed
 * (flushed to disk) — before {@code TopologyTestDriver.close()} deletes it — so a test can put it
 * back and open a second driver on the same directory, as a restarted instance would.
 */
final class CopyOnCloseStoreSupplier implements KeyValueBytesStoreSupplier {
  private final KeyValueBytesStoreSupplier inner =
      Stores.persistentKeyValueStore(EnrichTopology.SERIES_BY_TARGET_STORE);
  private final Path stateDir;
  private final Path copy;

  CopyOnCloseStoreSupplier(Path stateDir, Path copy) {
    this.stateDir = stateDir;
    this.copy = copy;
  }

  @Override
  public String name() {
    return inner.name();
  }

  @Override
  public KeyValueStore<Bytes, byte[]> get() {
    return new CopyingStore(inner.get());
  }

  @Override
  public String metricsScope() {
    return inner.metricsScope();
  }

  static void copyTree(Path from, Path to) {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path source : files.toList()) {
        Path target = to.resolve(from.relativize(source).toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(target);
        } else {
          Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private final class CopyingStore implements KeyValueStore<Bytes, byte[]> {
    private final KeyValueStore<Bytes, byte[]> store;

    CopyingStore(KeyValueStore<Bytes, byte[]> store) {
      this.store = store;
    }

    @Override
    public void close() {
      store.close();
      copyTree(stateDir, copy);
    }

    @Override
    public String name() {
      return store.name();
    }

    @Override
    public void init(StateStoreContext context, StateStore root) {
      store.init(context, root);
    }

    @Override
    public void commit(Map<TopicPartition, Long> changelogOffsets) {
      store.commit(changelogOffsets);
    }

    @Override
    public Long committedOffset(TopicPartition partition) {
      return store.committedOffset(partition);
    }

    @Override
    public boolean managesOffsets() {
      return store.managesOffsets();
    }

    @Override
    public boolean persistent() {
      return store.persistent();
    }

    @Override
    public boolean isOpen() {
      return store.isOpen();
    }

    @Override
    public Position getPosition() {
      return store.getPosition();
    }

    @Override
    public void put(Bytes key, byte[] value) {
      store.put(key, value);
    }

    @Override
    public byte[] putIfAbsent(Bytes key, byte[] value) {
      return store.putIfAbsent(key, value);
    }

    @Override
    public void putAll(List<KeyValue<Bytes, byte[]>> entries) {
      store.putAll(entries);
    }

    @Override
    public byte[] delete(Bytes key) {
      return store.delete(key);
    }

    @Override
    public byte[] get(Bytes key) {
      return store.get(key);
    }

    @Override
    public KeyValueIterator<Bytes, byte[]> range(Bytes from, Bytes to) {
      return store.range(from, to);
    }

    @Override
    public KeyValueIterator<Bytes, byte[]> all() {
      return store.all();
    }

    @Override
    public <S extends Serializer<P>, P> KeyValueIterator<Bytes, byte[]> prefixScan(
        P prefix, S prefixKeySerializer) {
      return store.prefixScan(prefix, prefixKeySerializer);
    }

    @Override
    public long approximateNumEntries() {
      return store.approximateNumEntries();
    }
  }
}
