package io.scrapestream.sink.series;

import static io.scrapestream.sink.ScrapeBatchBuilder.batch;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scrapestream.schemas.v1.ScrapeBatch;
import io.scrapestream.schemas.v1.Series;
import io.scrapestream.sink.ScrapeBatchBuilder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SeriesDecoderTest {

  @Test
  void shouldSortLabelsByNameWhenRefsAreUnsorted() {
    ScrapeBatchBuilder builder = batch("t1", 1000);
    List<Integer> refs = builder.refs("job", "j", "__name__", "up", "instance", "a:1");

    assertThat(SeriesDecoder.labels(builder.build(), refs))
        .containsExactly(
            Map.entry("__name__", "up"), Map.entry("instance", "a:1"), Map.entry("job", "j"));
  }

  @Test
  void shouldDropLabelWhenValueIsEmpty() {
    ScrapeBatchBuilder builder = batch("t1", 1000);
    List<Integer> refs = builder.refs("__name__", "up", "env", "", "job", "j");

    assertThat(SeriesDecoder.labels(builder.build(), refs))
        .containsExactly(Map.entry("__name__", "up"), Map.entry("job", "j"));
  }

  @Test
  void shouldOrderNamesByCodePointWhenCharactersLieOutsideTheBmp() {
    ScrapeBatchBuilder builder = batch("t1", 1000);
    String emoji = "\uD83D\uDE00"; // U+1F600: sorts after U+FFFF in UTF-8 bytes
    List<Integer> refs = builder.refs(emoji, "a", "\uFFFF", "b");

    assertThat(SeriesDecoder.labels(builder.build(), refs).keySet())
        .containsExactly("\uFFFF", emoji);
  }

  @Test
  void shouldRejectBatchWhenLabelNameRepeats() {
    ScrapeBatchBuilder builder = batch("t1", 1000);
    List<Integer> refs = builder.refs("__name__", "up", "job", "", "job", "j");

    assertThatThrownBy(() -> SeriesDecoder.labels(builder.build(), refs))
        .isInstanceOf(InvalidBatchException.class)
        .hasMessage(
            "invalid batch of target 't1': label name: must not repeat in a series. Found twice:"
                + " job");
  }

  @Test
  void shouldRejectBatchWhenLabelNameIsEmpty() {
    ScrapeBatchBuilder builder = batch("t1", 1000);
    List<Integer> refs = builder.refs("", "x");

    assertThatThrownBy(() -> SeriesDecoder.labels(builder.build(), refs))
        .isInstanceOf(InvalidBatchException.class)
        .hasMessage("invalid batch of target 't1': label name: must not be empty. Found value: x");
  }

  @Test
  void shouldRejectBatchWhenRefIsOutsideTheStringTable() {
    ScrapeBatch batch = batch("t1", 1000).build();

    assertThatThrownBy(() -> SeriesDecoder.labels(batch, List.of(0, 7)))
        .isInstanceOf(InvalidBatchException.class)
        .hasMessage(
            "invalid batch of target 't1': symbol reference: must be < 1 (the string table size)."
                + " Found: 7");
  }

  @Test
  void shouldRejectBatchWhenRefsHaveOddLength() {
    ScrapeBatch batch = batch("t1", 1000).build();

    assertThatThrownBy(() -> SeriesDecoder.labels(batch, List.of(0, 0, 0)))
        .isInstanceOf(InvalidBatchException.class)
        .hasMessage(
            "invalid batch of target 't1': label_refs: must hold name/value pairs. Found: 3"
                + " references");
  }

  @Test
  void shouldTakeSeriesTimestampWhenSeriesHasOne() {
    ScrapeBatch batch = batch("t1", 1000).build();

    assertThat(SeriesDecoder.timestampMs(batch, Series.newBuilder().setTimestampMs(5).build()))
        .isEqualTo(5);
    assertThat(SeriesDecoder.timestampMs(batch, Series.getDefaultInstance())).isEqualTo(1000);
  }
}
