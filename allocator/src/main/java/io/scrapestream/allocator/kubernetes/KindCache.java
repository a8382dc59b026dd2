package io.scrapestream.allocator.kubernetes;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The snapshots of one kind, fed by that kind's informer(s) and shared by every user: discoverers,
 * membership, the metadata feed. Subscribers hear about a key only when its snapshot really
 * changed; a subscriber that joins late first hears about every key already cached.
 *
 * @param <S> the snapshot type of the kind
 */
final class KindCache<S extends Snapshot> {
  private final ResourceKind kind;
  private final Map<String, S> items = new ConcurrentHashMap<>();
  private final Map<String, Map<String, Set<String>>> indexes = new HashMap<>();
  private final List<KindListener<S>> listeners = new CopyOnWriteArrayList<>();
  private final CompletableFuture<Void> synced = new CompletableFuture<>();

  /** Orders deliveries to subscribers; taken before the cache's own lock, never after it. */
  private final Object delivery = new Object();

  KindCache(ResourceKind kind) {
    this.kind = kind;
  }

  ResourceKind kind() {
    return kind;
  }

  /** Completes once every informer of the kind has listed for the first time. */
  CompletableFuture<Void> synced() {
    return synced;
  }

  void markSynced() {
    synced.complete(null);
  }

  Optional<S> get(String key) {
    return Optional.ofNullable(items.get(key));
  }

  Collection<S> values() {
    return List.copyOf(items.values());
  }

  int size() {
    return items.size();
  }

  /** The keys whose snapshot has {@code value} in the index {@code name}. */
  synchronized Set<String> byIndex(String name, String value) {
    return Set.copyOf(indexes.getOrDefault(name, Map.of()).getOrDefault(value, Set.of()));
  }

  /** Stores a snapshot and tells the subscribers, unless it equals the one cached. */
  void put(S snapshot) {
    synchronized (delivery) {
      S previous;
      synchronized (this) {
        previous = items.put(snapshot.key(), snapshot);
        if (snapshot.equals(previous)) {
          return;
        }
        unindex(previous);
        index(snapshot);
      }
      notifyListeners(snapshot.key(), previous, snapshot);
    }
  }

  /** Removes a key and tells the subscribers, if it was cached. */
  void remove(String key) {
    synchronized (delivery) {
      S previous;
      synchronized (this) {
        previous = items.remove(key);
        if (previous == null) {
          return;
        }
        unindex(previous);
      }
      notifyListeners(key, previous, null);
    }
  }

  /**
   * Subscribes and replays every cached key as an addition, in order with live changes (a change is
   * never delivered before the replay of an older state); returns how to unsubscribe.
   */
  Runnable subscribe(KindListener<S> listener) {
    synchronized (delivery) {
      listeners.add(listener);
      for (S snapshot : List.copyOf(items.values())) {
        listener.changed(snapshot.key(), null, snapshot);
      }
    }
    return () -> listeners.remove(listener);
  }

  private void notifyListeners(String key, S previous, S current) {
    for (KindListener<S> listener : listeners) {
      listener.changed(key, previous, current);
    }
  }

  private void index(S snapshot) {
    snapshot
        .indexValues()
        .forEach(
            (name, values) -> {
              Map<String, Set<String>> index = indexes.computeIfAbsent(name, n -> new HashMap<>());
              values.forEach(
                  v -> index.computeIfAbsent(v, x -> new HashSet<>()).add(snapshot.key()));
            });
  }

  private void unindex(S snapshot) {
    if (snapshot == null) {
      return;
    }
    snapshot
        .indexValues()
        .forEach(
            (name, values) -> {
              Map<String, Set<String>> index = indexes.getOrDefault(name, Map.of());
              for (String value : values) {
                Set<String> keys = index.get(value);
                if (keys != null && keys.remove(snapshot.key()) && keys.isEmpty()) {
                  index.remove(value);
                }
              }
            });
  }
}
