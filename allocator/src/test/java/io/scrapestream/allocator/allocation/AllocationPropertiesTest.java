package io.scrapestream.allocator.allocation;

import static org.assertj.core.api.Assertions.assertThat;

import io.scrapestream.allocator.target.Labels;
import io.scrapestream.allocator.target.Target;
import io.scrapestream.allocator.target.TargetIdentity;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SortedSet;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Seeded random loops over the properties the allocation must hold. */
class AllocationPropertiesTest {
  private static final int RUNS = 40;

  @Test
  void shouldAssignEveryTargetExactlyOnceWhenStrategyIsConsistentHashingOrLeastWeighted() {
    Random random = new Random(1);
    for (int run = 0; run < RUNS; run++) {
      List<Target> targets = targets(random, 1 + random.nextInt(3000), "v");
      Scrapers scrapers = Scrapers.of(scrapers(1 + random.nextInt(40)));
      for (AllocationStrategy strategy :
          List.of(new ConsistentHashing(1.25), new LeastWeighted())) {
        Allocation allocation = strategy.allocate(targets, scrapers, Allocation.empty());
        List<String> assigned = new ArrayList<>();
        allocation.byScraper().values().forEach(list -> list.forEach(t -> assigned.add(t.key())));
        assertThat(assigned).hasSize(targets.size()).doesNotHaveDuplicates();
        assertThat(allocation.unassigned()).isEmpty();
        assertThat(allocation.byScraper().keySet()).isEqualTo(scrapers.ids());
      }
    }
  }

  @Test
  void shouldKeepEveryScraperWithinTheLoadBoundWhenConsistentHashing() {
    Random random = new Random(2);
    for (int run = 0; run < RUNS; run++) {
      List<Target> targets = targets(random, 1 + random.nextInt(3000), "v");
      int n = 1 + random.nextInt(40);
      Allocation allocation =
          new ConsistentHashing(1.25)
              .allocate(targets, Scrapers.of(scrapers(n)), Allocation.empty());
      int bound = (int) Math.ceil(1.25 * targets.size() / n);
      allocation
          .byScraper()
          .values()
          .forEach(list -> assertThat(list.size()).isLessThanOrEqualTo(bound));
    }
  }

  @Test
  void shouldMoveAtMostOneInNPlusOnePlusFivePercentWhenOneScraperIsAdded() {
    Random random = new Random(3);
    for (int run = 0; run < RUNS; run++) {
      List<Target> targets = targets(random, 500 + random.nextInt(5000), "v");
      int n = 1 + random.nextInt(30);
      ConsistentHashing strategy = new ConsistentHashing(1.25);
      Map<String, String> before =
          strategy
              .allocate(targets, Scrapers.of(scrapers(n)), Allocation.empty())
              .scraperByTargetKey();
      SortedSet<String> more = scrapers(n);
      more.add("scraper-new");
      Map<String, String> after =
          strategy.allocate(targets, Scrapers.of(more), Allocation.empty()).scraperByTargetKey();

      long moved =
          targets.stream().filter(t -> !before.get(t.key()).equals(after.get(t.key()))).count();
      assertThat((double) moved / targets.size())
          .as("run %d: %d targets, %d scrapers", run, targets.size(), n)
          .isLessThanOrEqualTo(1.0 / (n + 1) + 0.05);
    }
  }

  @Test
  void shouldMoveNothingWhenOnlyNonIdentityLabelsChange() {
    Random random = new Random(4);
    for (int run = 0; run < RUNS; run++) {
      long seed = random.nextLong();
      List<Target> targets = targets(new Random(seed), 2000, "before");
      List<Target> relabeled = targets(new Random(seed), 2000, "after");
      Scrapers scrapers = Scrapers.of(scrapers(1 + random.nextInt(40)));
      for (AllocationStrategy strategy :
          List.of(new ConsistentHashing(1.25), new LeastWeighted(), new PerNode())) {
        assertThat(keys(strategy.allocate(relabeled, scrapers, Allocation.empty())))
            .isEqualTo(keys(strategy.allocate(targets, scrapers, Allocation.empty())));
      }
    }
  }

  @Test
  void shouldAgreeExactlyWhenTwoInstancesGetTheSameInputsInAnyOrder() {
    Random random = new Random(5);
    for (int run = 0; run < RUNS; run++) {
      List<Target> targets = targets(random, 1 + random.nextInt(3000), "v");
      SortedSet<String> ids = scrapers(1 + random.nextInt(40));
      List<String> shuffled = new ArrayList<>(ids);
      Collections.shuffle(shuffled, random);
      for (String name : List.of("consistent-hashing", "least-weighted", "per-node")) {
        AllocationStrategy first = strategy(name);
        AllocationStrategy second = strategy(name);
        Allocation a = first.allocate(targets, Scrapers.of(ids), Allocation.empty());
        Allocation b =
            second.allocate(
                List.copyOf(targets), Scrapers.of(new TreeSet<>(shuffled)), Allocation.empty());
        assertThat(b).isEqualTo(a);
      }
    }
  }

  @Test
  void shouldKeepAssignmentsAndFillTheLeastLoadedWhenLeastWeightedHasAPreviousAllocation() {
    List<Target> targets = targets(new Random(6), 100, "v");
    LeastWeighted strategy = new LeastWeighted();
    Allocation before =
        strategy.allocate(targets.subList(0, 90), Scrapers.of(scrapers(3)), Allocation.empty());
    SortedSet<String> four = scrapers(3);
    four.add("scraper-3");

    Allocation after = strategy.allocate(targets, Scrapers.of(four), before);

    Map<String, String> was = before.scraperByTargetKey();
    Map<String, String> now = after.scraperByTargetKey();
    was.forEach((key, scraper) -> assertThat(now.get(key)).isEqualTo(scraper));
    assertThat(after.byScraper().get("scraper-3")).hasSize(10);
  }

  @Test
  void shouldAssignTargetsToScrapersOnTheirNodeWhenPerNode() {
    Target onA = target("a:1", Map.of("__meta_kubernetes_pod_node_name", "node-a"));
    Target onB = target("b:1", Map.of("__meta_kubernetes_node_name", "node-b"));
    Target nowhere = target("c:1", Map.of());
    Scrapers scrapers =
        new Scrapers(new TreeSet<>(List.of("s1", "s2")), Map.of("s1", "node-a", "s2", "node-c"));

    Allocation allocation =
        new PerNode().allocate(List.of(onA, onB, nowhere), scrapers, Allocation.empty());

    assertThat(allocation.byScraper()).isEqualTo(Map.of("s1", List.of(onA), "s2", List.of()));
    assertThat(allocation.unassigned()).containsExactly(onB, nowhere);
  }

  private static AllocationStrategy strategy(String name) {
    return switch (name) {
      case "consistent-hashing" -> new ConsistentHashing(1.25);
      case "least-weighted" -> new LeastWeighted();
      default -> new PerNode();
    };
  }

  private static Map<String, String> keys(Allocation allocation) {
    Map<String, String> map = new HashMap<>(allocation.scraperByTargetKey());
    allocation.unassigned().forEach(t -> map.put(t.key(), "-"));
    return map;
  }

  /** {@code count} distinct targets with a random node and a {@code version} label. */
  static List<Target> targets(Random random, int count, String version) {
    List<Target> targets = new ArrayList<>();
    TreeSet<String> seen = new TreeSet<>();
    while (targets.size() < count) {
      String address =
          "10."
              + random.nextInt(256)
              + "."
              + random.nextInt(256)
              + "."
              + random.nextInt(256)
              + ":"
              + (9000 + random.nextInt(100));
      String node = "scraper-" + random.nextInt(45);
      if (seen.add(address)) {
        targets.add(
            target(address, Map.of("__meta_kubernetes_pod_node_name", node, "version", version)));
      }
    }
    targets.sort(Comparator.comparing(Target::key));
    return targets;
  }

  static Target target(String address, Map<String, String> discovered) {
    Map<String, String> all = new HashMap<>(discovered);
    all.put("__address__", address);
    Labels labels =
        Labels.of(
            Map.of(
                "__address__",
                address,
                "__scheme__",
                "http",
                "__metrics_path__",
                "/metrics",
                "version",
                discovered.getOrDefault("version", "")));
    TargetIdentity identity = TargetIdentity.of(labels, Map.of());
    return new Target(identity.key(), identity.hash(), "job", Labels.of(all), labels);
  }

  static SortedSet<String> scrapers(int n) {
    SortedSet<String> ids = new TreeSet<>();
    for (int i = 0; i < n; i++) {
      ids.add("scraper-" + i);
    }
    return ids;
  }
}
