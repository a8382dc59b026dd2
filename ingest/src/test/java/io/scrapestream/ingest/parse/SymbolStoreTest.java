package io.scrapestream.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class SymbolStoreTest {

  private final SymbolStore store = new SymbolStore();

  @Test
  void shouldReturnTheSameSymbolWhenTheSameBytesAreInternedWithinAParse() {
    store.beginParse();
    Symbol first = intern("node_cpu_seconds_total");
    internDistinct(SymbolStore.MAX_KEPT + 10);

    Symbol again = intern("node_cpu_seconds_total");

    assertThat(again).isSameAs(first);
    assertThat(again.text).isSameAs(first.text);
    assertThat(store.size()).isEqualTo(SymbolStore.MAX_KEPT + 11);
  }

  @Test
  void shouldKeepItsSymbolsWhenAtMostMaxKeptWereInterned() {
    store.beginParse();
    Symbol first = intern("kept");
    internDistinct(SymbolStore.MAX_KEPT - 1);

    int generation = store.beginParse();

    assertThat(generation).isEqualTo(2);
    assertThat(store.epoch()).isZero();
    assertThat(store.size()).isEqualTo(SymbolStore.MAX_KEPT);
    assertThat(intern("kept")).isSameAs(first);
  }

  @Test
  void shouldStartOverWhenMoreThanMaxKeptSymbolsWereInterned() {
    store.beginParse();
    Symbol first = intern("dropped");
    internDistinct(SymbolStore.MAX_KEPT);

    int generation = store.beginParse();

    assertThat(generation).isEqualTo(1);
    assertThat(store.epoch()).isEqualTo(1);
    assertThat(store.size()).isZero();
    assertThat(intern("dropped"))
        .isNotSameAs(first)
        .satisfies(s -> assertThat(s.text).isEqualTo("dropped"));
  }

  @Test
  void shouldKeepNothingAfterAParseThatOutgrewTheBound() {
    store.beginParse();
    internDistinct(SymbolStore.MAX_KEPT + 1);
    int duringParse = store.size();

    store.trim();

    assertThat(duringParse).isEqualTo(SymbolStore.MAX_KEPT + 1);
    assertThat(store.size()).isZero();
    assertThat(store.epoch()).isEqualTo(1);
  }

  @Test
  void shouldRetainNoSymbolsWhenATextParseOfManySeriesEnds() throws Exception {
    StringBuilder body = new StringBuilder();
    for (int i = 0; i <= SymbolStore.MAX_KEPT; i++) {
      body.append("a{id=\"").append(i).append("\"} 1\n");
    }
    byte[] b = body.toString().getBytes(StandardCharsets.US_ASCII);
    SymbolTable thisThread = new SymbolTable();
    RecordingVisitor visitor = new RecordingVisitor();

    new PrometheusTextParser().parse(b, 0, b.length, visitor);

    assertThat(visitor.samples).isEqualTo(SymbolStore.MAX_KEPT + 1);
    assertThat(thisThread.size()).isZero();
  }

  @Test
  void shouldReturnNullWhenTheBytesAreNotUtf8() {
    store.beginParse();
    byte[] b = {'a', (byte) 0xed, (byte) 0xa0, (byte) 0x80};

    assertThat(store.intern(b, 0, b.length)).isNull();
    assertThat(store.size()).isZero();
  }

  @Test
  void shouldTellAParserToDropItsSymbolsWhenTheStoreStartedOverOrTheThreadChanged()
      throws Exception {
    SymbolTable table = new SymbolTable();
    table.beginParse();
    boolean firstParse = table.startedOver();
    table.beginParse();
    boolean secondParse = table.startedOver();
    CompletableFuture.runAsync(table::beginParse).get();
    boolean otherThread = table.startedOver();
    table.beginParse();

    assertThat(firstParse).isTrue();
    assertThat(secondParse).isFalse();
    assertThat(otherThread).isTrue();
    assertThat(table.startedOver()).isTrue();
  }

  @Test
  void shouldShareOneStoreWhenTwoParsersRunOnOneThread() {
    SymbolTable one = new SymbolTable();
    SymbolTable two = new SymbolTable();
    byte[] b = "shared".getBytes(StandardCharsets.US_ASCII);
    one.beginParse();
    Symbol s = one.intern(b, 0, b.length);

    two.beginParse();

    assertThat(two.intern(b, 0, b.length)).isSameAs(s);
  }

  private Symbol intern(String text) {
    byte[] b = text.getBytes(StandardCharsets.UTF_8);
    return store.intern(b, 0, b.length);
  }

  private void internDistinct(int n) {
    for (int i = 0; i < n; i++) {
      intern("value-" + i);
    }
  }
}
