package io.scrapestream.allocator.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class KindCacheTest {
  private final KindCache<MetaSnapshot> cache = new KindCache<>(ResourceKind.NAMESPACE);
  private final List<String> heard = new ArrayList<>();

  @Test
  void shouldNotifyOnlyRealChangesWhenTheSameSnapshotArrivesAgain() {
    cache.subscribe(
        (key, previous, current) ->
            heard.add(key + ":" + (previous != null) + ":" + (current != null)));

    cache.put(snapshot("a", "v1"));
    cache.put(snapshot("a", "v1"));
    cache.put(snapshot("a", "v2"));
    cache.remove("a");
    cache.remove("a");

    assertThat(heard).containsExactly("a:false:true", "a:true:true", "a:true:false");
  }

  @Test
  void shouldReplayCachedKeysWhenSubscriberJoinsLate() {
    cache.put(snapshot("a", "v1"));

    cache.subscribe((key, previous, current) -> heard.add(key + "=" + current.meta().labels()));

    assertThat(heard).containsExactly("a={l=v1}");
  }

  @Test
  void shouldFollowIndexValuesWhenObjectsMove() {
    KindCache<MetaSnapshot> services = new KindCache<>(ResourceKind.SERVICE);
    services.put(new MetaSnapshot(new Meta("ns1", "web", "u", Map.of(), Map.of(), List.of())));
    services.put(new MetaSnapshot(new Meta("ns1", "db", "u2", Map.of(), Map.of(), List.of())));
    services.remove("ns1/web");

    assertThat(services.byIndex(Snapshot.NAMESPACE_INDEX, "ns1")).isEqualTo(Set.of("ns1/db"));
    assertThat(services.byIndex(Snapshot.NAMESPACE_INDEX, "ns2")).isEmpty();
  }

  private static MetaSnapshot snapshot(String name, String label) {
    return new MetaSnapshot(
        new Meta("", name, "uid-" + name, Map.of("l", label), Map.of(), List.of()));
  }
}
