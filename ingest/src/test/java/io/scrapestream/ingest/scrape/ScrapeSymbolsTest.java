package io.scrapestream.ingest.scrape;

import static org.assertj.core.api.Assertions.assertThat;

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
}
