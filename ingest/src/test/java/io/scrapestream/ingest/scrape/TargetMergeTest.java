package io.scrapestream.ingest.scrape;

import static org.assertj.core.api.Assertions.assertThat;

import io.scrapestream.core.target.ScrapeTarget;
import io.scrapestream.core.target.TargetKey;
import io.scrapestream.ingest.parse.LabelView;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The sample path's merge by rank ({@link MergedLabels#loadResolved}, {@link
 * MergedLabels#mergeTarget}, {@link NameOrder}) against the reference merge ({@link
 * MergedLabels#load}, {@link TargetLabels#mergeInto}), on random label sets: names that share
 * prefixes, sort around the target's, collide with them, use characters past Latin-1; empty values.
 */
class TargetMergeTest {
  private static final List<String> NAMES =
      List.of(
          "__name__",
          "job",
          "instance",
          "inst",
          "instancf",
          "instance_x",
          "exported_job",
          "a",
          "Z",
          "_b",
          "\u00e9t\u00e9",
          "\u4e2d\u6587",
          "team",
          "zone",
          "le",
          "mode",
          "mod",
          "cpu");
  private static final List<String> VALUES = List.of("", "v", "w", "\u00e9", "j", "i");

  private final Random random = new Random(7);
  private final ScrapeSymbols symbols = new ScrapeSymbols();
  private final NameOrder order = new NameOrder(symbols);

  @Test
  void shouldMergeAsTheReferenceWhenLabelSetsAreRandom() {
    int byRank = 0;
    for (int round = 0; round < 5_000; round++) {
      TargetLabels target = TargetLabels.of(target(randomLabels(4), random.nextBoolean()));
      byRank += mergeBothWays(target, randomLabels(5)) ? 1 : 0;
    }
    assertThat(byRank).isGreaterThan(1_000);
  }

  @Test
  void shouldMergeAsTheReferenceWhenSymbolsStartOverBetweenScrapes() {
    long epoch = symbols.epoch();
    for (int round = 0; round < 600; round++) {
      if (round % 200 == 199) {
        for (int i = 0; i <= ScrapeSymbols.MAX_KEPT; i++) {
          symbols.entry("filler_" + i);
        }
      }
      TargetLabels target = TargetLabels.of(target(randomLabels(4), random.nextBoolean()));
      mergeBothWays(target, randomLabels(5));
    }
    assertThat(symbols.epoch()).isEqualTo(epoch + 3);
  }

  /** Merges by rank (or the old way on a collision) and the reference way; true when by rank. */
  private boolean mergeBothWays(TargetLabels target, Map<String, String> exposed) {
    symbols.clear();
    order.clear();
    order.target(target.names());
    int[] targetEntries = target.entries(symbols);
    NotedView view = new NotedView(exposed);
    MergedLabels fast = new MergedLabels();
    boolean byRank = fast.loadResolved(view, symbols, order);
    if (byRank) {
      fast.mergeTarget(target.names(), target.values(), targetEntries);
    } else {
      target.mergeInto(fast);
      fast.resolve(symbols);
    }
    MergedLabels reference = new MergedLabels();
    reference.load(view);
    target.mergeInto(reference);
    String context = exposed + " + " + Arrays.toString(target.names());
    assertThat(byRank).as(context).isEqualTo(noNameShared(exposed, target));
    assertSameLabels(fast, reference, context);
    return byRank;
  }

  private void assertSameLabels(MergedLabels fast, MergedLabels reference, String context) {
    assertThat(names(fast)).as(context).isEqualTo(names(reference));
    assertThat(fast.toMap()).as(context).isEqualTo(reference.toMap());
    for (int i = 0; i < fast.size(); i++) {
      assertThat(fast.nameEntry(i)).as(context).isEqualTo(symbols.entry(fast.name(i)));
      assertThat(fast.valueEntry(i)).as(context).isEqualTo(symbols.entry(fast.value(i)));
    }
  }

  @Test
  void shouldCompareAsStringCompareToWhenNamesShareOrDifferInTheirFirstUnits() {
    List<String> names = new ArrayList<>(NAMES);
    names.addAll(List.of("a\u0000", "a", "\uffffa", "\u0100", "\u00ff", "abcd", "abcde", "abce"));
    symbols.clear();
    for (String a : names) {
      for (String b : names) {
        int expected = Integer.signum(a.compareTo(b));
        assertThat(Integer.signum(order.compare(symbols.entry(a), symbols.entry(b))))
            .as(a + " vs " + b)
            .isEqualTo(expected);
      }
    }
  }

  private Map<String, String> randomLabels(int max) {
    Map<String, String> labels = new LinkedHashMap<>();
    int count = random.nextInt(max + 1);
    for (int i = 0; i < count; i++) {
      labels.put(
          NAMES.get(random.nextInt(NAMES.size())), VALUES.get(random.nextInt(VALUES.size())));
    }
    return labels;
  }

  private static boolean noNameShared(Map<String, String> exposed, TargetLabels target) {
    return Arrays.stream(target.names()).noneMatch(exposed::containsKey);
  }

  private static List<String> names(MergedLabels labels) {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < labels.size(); i++) {
      names.add(labels.name(i));
    }
    return names;
  }

  private static ScrapeTarget target(Map<String, String> labels, boolean honorLabels) {
    return new ScrapeTarget(
        new TargetKey("00000000000000aa"),
        "j",
        URI.create("http://h:1/metrics"),
        new TreeMap<>(labels),
        Duration.ofSeconds(5),
        Duration.ofSeconds(5),
        honorLabels,
        true);
  }

  /** A view that keeps notes per label, as the parser's symbols do. */
  private static final class NotedView implements LabelView {
    private final List<String> names;
    private final List<String> values;
    private final long[] stamps;
    private final int[] notes;

    NotedView(Map<String, String> labels) {
      this.names = new ArrayList<>(labels.keySet());
      this.values = new ArrayList<>(labels.values());
      this.stamps = new long[2 * names.size()];
      this.notes = new int[2 * names.size()];
    }

    @Override
    public int size() {
      return names.size();
    }

    @Override
    public String name(int i) {
      return names.get(i);
    }

    @Override
    public String value(int i) {
      return values.get(i);
    }

    @Override
    public int nameNote(int i, long stamp) {
      return stamps[2 * i] == stamp ? notes[2 * i] : -1;
    }

    @Override
    public void nameNote(int i, long stamp, int note) {
      stamps[2 * i] = stamp;
      notes[2 * i] = note;
    }

    @Override
    public int valueNote(int i, long stamp) {
      return stamps[2 * i + 1] == stamp ? notes[2 * i + 1] : -1;
    }

    @Override
    public void valueNote(int i, long stamp, int note) {
      stamps[2 * i + 1] = stamp;
      notes[2 * i + 1] = note;
    }
  }
}
