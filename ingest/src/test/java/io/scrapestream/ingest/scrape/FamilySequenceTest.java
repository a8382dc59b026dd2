package io.scrapestream.ingest.scrape;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FamilySequenceTest {
  private final ScrapeSymbols symbols = new ScrapeSymbols();
  private final HelpCache helps = new HelpCache(symbols);
  private final FamilySequence sequence = new FamilySequence(symbols);

  @Test
  void shouldGiveEachNamesEntryWhenFamiliesComeInLastScrapesOrder() {
    List<String> names = List.of("a", "b", "c");
    List<String> first = texts(scrape(names));

    List<String> second = texts(scrape(names));

    assertThat(first).containsExactly("a", "b", "c");
    assertThat(second).containsExactly("a", "b", "c");
    assertThat(sequence.hits()).isEqualTo(3);
  }

  @Test
  void shouldGiveEachNamesEntryWhenAFamilyIsMissingOrNewSinceLastScrape() {
    scrape(List.of("a", "b", "c", "d"));

    List<String> missing = texts(scrape(List.of("a", "c", "d")));
    long missingHits = sequence.hits();
    List<String> inserted = texts(scrape(List.of("a", "x", "c", "d")));
    long insertedHits = sequence.hits() - missingHits;
    List<String> reordered = texts(scrape(List.of("d", "c", "x", "a")));

    assertThat(missing).containsExactly("a", "c", "d");
    assertThat(inserted).containsExactly("a", "x", "c", "d");
    assertThat(reordered).containsExactly("d", "c", "x", "a");
    assertThat(missingHits).isEqualTo(3);
    assertThat(insertedHits).isEqualTo(3);
  }

  @Test
  void shouldGiveNewHelpsEntryWhenFamilysHelpChangedSinceLastScrape() {
    int family = sequence.family("m");
    sequence.help("old help", helps, family);
    sequence.restart();
    symbols.clear();

    int again = sequence.family("m");
    int help = sequence.help("new help", helps, again);

    assertThat(again).isEqualTo(family);
    assertThat(symbols.text(help)).isEqualTo("new help");
  }

  @Test
  void shouldGiveSameHelpEntryWhenFamilyKeptItsHelp() {
    int family = sequence.family("m");
    int first = sequence.help("help of m", helps, family);
    sequence.restart();
    symbols.clear();

    int second = sequence.help("help of m", helps, sequence.family("m"));

    assertThat(second).isEqualTo(first);
    assertThat(symbols.text(second)).isEqualTo("help of m");
  }

  @Test
  void shouldGiveCurrentEntriesWhenSymbolsStartedOverSinceLastScrape() {
    scrape(List.of("a", "b"));
    for (int i = 0; i <= ScrapeSymbols.MAX_KEPT; i++) {
      symbols.entry("filler" + i);
    }
    sequence.restart();
    symbols.clear();
    symbols.entry("pushes every entry up by one");

    List<Integer> entries = scrape(List.of("a", "b"));

    assertThat(entries).containsExactly(symbols.entry("a"), symbols.entry("b"));
    assertThat(texts(entries)).containsExactly("a", "b");
  }

  @Test
  void shouldFindNamesInLastOrderWhenRestartedTwiceBetweenScrapes() {
    scrape(List.of("a", "b"));
    sequence.restart();
    String other = new String("b".toCharArray());

    int a = sequence.family("a".intern());
    int b = sequence.family(other);

    assertThat(symbols.text(a)).isEqualTo("a");
    assertThat(b).isEqualTo(symbols.entry("b"));
    assertThat(sequence.hits()).isEqualTo(1);
  }

  /** One scrape of these family names (interned: the parser hands out one string per text). */
  private List<Integer> scrape(List<String> names) {
    sequence.restart();
    symbols.clear();
    List<Integer> entries = new ArrayList<>();
    for (String name : names) {
      entries.add(sequence.family(name.intern()));
    }
    return entries;
  }

  private List<String> texts(List<Integer> entries) {
    return entries.stream().map(symbols::text).toList();
  }
}
