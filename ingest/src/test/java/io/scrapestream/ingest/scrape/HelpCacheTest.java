package io.scrapestream.ingest.scrape;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HelpCacheTest {
  private final ScrapeSymbols symbols = new ScrapeSymbols();
  private final HelpCache helps = new HelpCache(symbols);

  @Test
  void shouldGiveTextsEntryWhenFamilyKeepsItsHelpAcrossScrapes() {
    int family = symbols.entry("m");
    int first = helps.entry(family, "Help of m.");
    symbols.clear();

    int second = helps.entry(family, "Help of m.");

    assertThat(second).isEqualTo(first);
    assertThat(symbols.text(second)).isEqualTo("Help of m.");
  }

  @Test
  void shouldGiveNewTextsEntryWhenFamilysHelpChanged() {
    int family = symbols.entry("m");
    helps.entry(family, "old");

    int entry = helps.entry(family, "new");

    assertThat(symbols.text(entry)).isEqualTo("new");
    assertThat(entry).isEqualTo(symbols.entry("new"));
  }

  @Test
  void shouldGiveOneEntryWhenEqualHelpTextsAreDistinctStrings() {
    int family = symbols.entry("m");
    int first = helps.entry(family, new String("same".toCharArray()));

    int second = helps.entry(family, new String("same".toCharArray()));

    assertThat(second).isEqualTo(first);
  }

  @Test
  void shouldLookTextUpAgainWhenSymbolsStartedOver() {
    String help = "Help of m.";
    helps.entry(symbols.entry("m"), help);
    for (int i = 0; i <= ScrapeSymbols.MAX_KEPT; i++) {
      symbols.entry("v" + i);
    }
    symbols.clear();
    int family = symbols.entry("m");

    int entry = helps.entry(family, help);

    assertThat(entry).isEqualTo(2);
    assertThat(symbols.text(entry)).isEqualTo(help);
  }

  @Test
  void shouldKeepHelpsWhenFamilyEntriesGrowPastCapacity() {
    int far = symbols.entry("far");
    for (int i = 0; i < 1000; i++) {
      symbols.entry("f" + i);
    }
    int last = symbols.entry("last");
    helps.entry(far, "h1");

    int entry = helps.entry(last, "h2");

    assertThat(symbols.text(entry)).isEqualTo("h2");
    assertThat(symbols.text(helps.entry(far, "h1"))).isEqualTo("h1");
  }
}
