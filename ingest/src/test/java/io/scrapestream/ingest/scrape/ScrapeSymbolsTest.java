package io.scrapestream.ingest.scrape;

import static org.assertj.core.api.Assertions.assertThat;

import io.scrapestream.ingest.parse.LabelView;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScrapeSymbolsTest {
  private final ScrapeSymbols symbols = new ScrapeSymbols();

  @Test
  void shouldCountUtf8BytesAsEncoderWhenTextHasMultibyteCharactersAndLoneSurrogates() {
    for (String text :
        List.of("", "abc", "\u00e9t\u00e9", "\u20ac", "\ud83d\ude00x", "a\ud800b", "\udc00")) {
      assertThat(ScrapeSymbols.utf8Length(text))
          .as(text)
          .isEqualTo(text.getBytes(StandardCharsets.UTF_8).length);
    }
  }

  @Test
  void shouldShareOneEntryAndRefWhenEqualStringsAreDistinctObjects() {
    String parsed = new String("instance".toCharArray());

    int first = symbols.entry(parsed);
    int second = symbols.entry("instance");

    assertThat(second).isEqualTo(first);
    assertThat(symbols.ref(first)).isEqualTo(1);
    assertThat(symbols.ref(second)).isEqualTo(1);
    assertThat(symbols.tableSize()).isEqualTo(2);
  }

  @Test
  void shouldNumberRefsInOrderOfFirstUseWhenEntriesWereAddedInAnotherOrder() {
    int b = symbols.entry("b");
    int a = symbols.entry("a");

    assertThat(symbols.ref(a)).isEqualTo(1);
    assertThat(symbols.ref(b)).isEqualTo(2);
    assertThat(symbols.text(symbols.entryAt(0))).isEqualTo("");
    assertThat(symbols.text(symbols.entryAt(2))).isEqualTo("b");
  }

  @Test
  void shouldKeepEntriesWhenTableGrowsPastItsCapacity() {
    List<Integer> entries = new ArrayList<>();
    for (int i = 0; i < 5000; i++) {
      entries.add(symbols.entry("value_" + i));
    }

    for (int i = 0; i < 5000; i++) {
      assertThat(symbols.entry("value_" + i)).isEqualTo(entries.get(i));
      assertThat(symbols.text(entries.get(i))).isEqualTo("value_" + i);
      assertThat(symbols.hash(entries.get(i))).isEqualTo(ScrapeSymbols.hash64("value_" + i));
    }
  }

  @Test
  void shouldHoldOnlyEmptyStringWhenCleared() {
    symbols.ref(symbols.entry("x"));

    symbols.clear();

    assertThat(symbols.tableSize()).isEqualTo(1);
    assertThat(symbols.text(symbols.entryAt(0))).isEqualTo("");
    assertThat(symbols.entry("")).isEqualTo(ScrapeSymbols.EMPTY);
    assertThat(symbols.ref(symbols.entry("y"))).isEqualTo(1);
  }

  @Test
  void shouldKeepEntryAndHashButNotRefWhenClearedForNextScrape() {
    int b = symbols.entry("b");
    int a = symbols.entry("a");
    symbols.ref(b);
    symbols.ref(a);
    long epoch = symbols.epoch();

    symbols.clear();

    assertThat(symbols.entry("a")).isEqualTo(a);
    assertThat(symbols.entry("b")).isEqualTo(b);
    assertThat(symbols.hash(a)).isEqualTo(ScrapeSymbols.hash64("a"));
    assertThat(symbols.epoch()).isEqualTo(epoch);
    assertThat(symbols.tableSize()).isEqualTo(1);
    assertThat(symbols.ref(a)).isEqualTo(1);
    assertThat(symbols.ref(b)).isEqualTo(2);
  }

  @Test
  void shouldStartOverWhenClearedWithMoreThanMaxKeptEntries() {
    for (int i = 0; i <= ScrapeSymbols.MAX_KEPT; i++) {
      symbols.ref(symbols.entry("v" + i));
    }
    long epoch = symbols.epoch();

    symbols.clear();

    assertThat(symbols.epoch()).isEqualTo(epoch + 1);
    assertThat(symbols.tableSize()).isEqualTo(1);
    assertThat(symbols.entry("")).isEqualTo(ScrapeSymbols.EMPTY);
    assertThat(symbols.entry("v7")).isEqualTo(1);
    assertThat(symbols.ref(symbols.entry("v7"))).isEqualTo(1);
  }

  @Test
  void shouldKeepEntriesWhenClearedWithExactlyMaxKeptEntries() {
    for (int i = 1; i < ScrapeSymbols.MAX_KEPT - 1; i++) {
      symbols.entry("v" + i);
    }
    int last = symbols.entry("last");
    long epoch = symbols.epoch();

    symbols.clear();

    assertThat(symbols.epoch()).isEqualTo(epoch);
    assertThat(symbols.entry("last")).isEqualTo(last).isEqualTo(ScrapeSymbols.MAX_KEPT - 1);
  }

  @Test
  void shouldLookUpNoteOnceWhenSameSymbolComesInNextScrape() {
    NotedLabel label = new NotedLabel("instance");
    int first = symbols.nameEntry(label, 0);
    symbols.clear();

    int second = symbols.nameEntry(label, 0);

    assertThat(second).isEqualTo(first);
    assertThat(label.lookups).isEqualTo(1);
  }

  @Test
  void shouldLookUpNoteAgainWhenSymbolsStartedOver() {
    NotedLabel label = new NotedLabel("instance");
    symbols.nameEntry(label, 0);
    for (int i = 0; i <= ScrapeSymbols.MAX_KEPT; i++) {
      symbols.entry("v" + i);
    }
    symbols.clear();

    int entry = symbols.nameEntry(label, 0);

    assertThat(entry).isEqualTo(1);
    assertThat(symbols.text(entry)).isEqualTo("instance");
    assertThat(label.lookups).isEqualTo(2);
  }

  /** One label whose name keeps a note, as a parser symbol does, counting the name's lookups. */
  private static final class NotedLabel implements LabelView {
    private final String name;
    private long stamp;
    private int note;
    private int lookups;

    NotedLabel(String name) {
      this.name = name;
    }

    @Override
    public int size() {
      return 1;
    }

    @Override
    public String name(int i) {
      lookups++;
      return name;
    }

    @Override
    public String value(int i) {
      return "v";
    }

    @Override
    public int nameNote(int i, long stamp) {
      return this.stamp == stamp ? note : -1;
    }

    @Override
    public void nameNote(int i, long stamp, int note) {
      this.stamp = stamp;
      this.note = note;
    }
  }
}
