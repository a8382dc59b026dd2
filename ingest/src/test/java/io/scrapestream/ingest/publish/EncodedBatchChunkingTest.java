package io.scrapestream.ingest.publish;

import static org.assertj.core.api.Assertions.assertThat;

import io.scrapestream.core.config.ScraperSettings;
import io.scrapestream.schemas.v1.ScrapeBatch;
import io.scrapestream.schemas.v1.ScrapeReport;
import io.scrapestream.schemas.v1.Series;
import io.scrapestream.schemas.v1.Target;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link BatchChunker} on batches the scraper encoded directly ({@link EncodedBatch}). */
class EncodedBatchChunkingTest {

  @Test
  void shouldPassSameEncodedBatchWhenItFitsTheBound() {
    EncodedBatch encoded = EncodedBatch.of(batch());

    assertThat(new BatchChunker(encoded.bytes().length).split(encoded, 1))
        .singleElement()
        .isSameAs(encoded);
  }

  @Test
  void shouldEncodeChunksOfDecodedBatchWhenBytesExceedTheBound() {
    BatchChunker chunker = new BatchChunker(350);

    List<EncodedBatch> chunks = chunker.split(EncodedBatch.of(batch()), 1);

    assertThat(chunks).hasSizeGreaterThan(1);
    assertThat(chunks).extracting(EncodedBatch::key).containsOnly("00000000000000aa");
    assertThat(chunks).extracting(EncodedBatch::scrapeUrl).containsOnly("http://h:1/metrics");
    assertThat(chunks).allSatisfy(c -> assertThat(c.bytes().length).isLessThanOrEqualTo(350));
    assertThat(chunks).extracting(EncodedBatch::decode).isEqualTo(chunker.split(batch(), 1));
  }

  @Test
  void shouldBoundChunksByScraperSettingWhenDefaultIsUsed() {
    assertThat((long) BatchChunker.DEFAULT_MAX_BATCH_BYTES)
        .isEqualTo(ScraperSettings.DEFAULT_MAX_BATCH_BYTES)
        .isEqualTo(921_600L);
  }

  private static ScrapeBatch batch() {
    ScrapeBatch.Builder batch =
        ScrapeBatch.newBuilder()
            .setTarget(
                Target.newBuilder().setKey("00000000000000aa").setScrapeUrl("http://h:1/metrics"))
            .setTimestampMs(1_700_000_000_000L)
            .setReport(ScrapeReport.newBuilder().setUp(true).setSamplesScraped(4))
            .addSymbols("")
            .addSymbols("__name__")
            .addSymbols("m");
    for (int i = 0; i < 5; i++) {
      batch.addSymbols(Character.toString('a' + i).repeat(100));
      batch.addSeries(Series.newBuilder().addLabelRefs(1).addLabelRefs(2).addLabelRefs(3 + i));
    }
    return batch.build();
  }
}
