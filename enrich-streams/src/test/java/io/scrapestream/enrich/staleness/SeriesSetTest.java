package io.scrapestream.enrich.staleness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scrapestream.enrich.Batches;
import io.scrapestream.enrich.batch.BatchScanner;
import io.scrapestream.enrich.batch.IndexedBatch;
import io.scrapestream.enrich.batch.LabelSource;
import io.scrapestream.enrich.batch.SeriesHash;
import io.scrapestream.schemas.v1.ScrapeBatch;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SeriesSetTest {

  @Test
  void shouldReadBackHashesTargetAndLabelsWhenWritten() throws Exception {
    ScrapeBatch in =
        Batches.scrape("k", 1).sample("a", 1, "path", "/x").sample("b", 2).sample("c", 3).build();
    IndexedBatch batch = BatchScanner.scan(in.toByteArray());
    long[] hashes = {SeriesHash.of(batch, 2), SeriesHash.of(batch, 0)};
    int[] series = {2, 0};
    HashOrder.sort(hashes, series, 2);

    byte[] bytes =
        SeriesSetWriter.write(
            in.getTarget(),
            new SeriesSetWriter.SeriesList(2, hashes, new LabelSource[] {batch, batch}, series));
    SeriesSet set = SeriesSet.decode(bytes, 0);

    assertThat(set.target()).isEqualTo(in.getTarget());
    assertThat(set.seriesCount()).isEqualTo(2);
    assertThat(set.hash(0)).isLessThan(set.hash(1));
    assertThat(List.of(labels(set, 0), labels(set, 1)))
        .containsExactlyInAnyOrder(
            "__name__=a instance=10.0.0.1:9100 job=node path=/x",
            "__name__=c instance=10.0.0.1:9100 job=node");
    assertThat(SeriesHash.of(set, 0)).isEqualTo(set.hash(0));
    assertThat(SeriesHash.of(set, 1)).isEqualTo(set.hash(1));
  }

  @Test
  void shouldReadBackUntrackedSeriesWhenWrittenAsVersionTwo() throws Exception {
    ScrapeBatch in = Batches.scrape("k", 1).sample("a", 1).sample("b", 2).sample("c", 3).build();
    IndexedBatch batch = BatchScanner.scan(in.toByteArray());
    LabelSource[] sources = {batch, batch, batch};

    byte[] bytes =
        SeriesSetWriter.write(
            in.getTarget(),
            new SeriesSetWriter.SeriesList(
                3,
                new long[] {1, 2, 3},
                sources,
                new int[] {0, 1, 2},
                new boolean[] {false, true, false}));
    SeriesSet set = SeriesSet.decode(bytes, 0);

    assertThat(bytes[0]).isEqualTo(SeriesSet.VERSION_WITH_UNTRACKED);
    assertThat(List.of(set.untracked(0), set.untracked(1), set.untracked(2)))
        .containsExactly(false, true, false);
    assertThat(set.trackedCount()).isEqualTo(2);
    assertThat(labels(set, 1)).isEqualTo("__name__=b instance=10.0.0.1:9100 job=node");
  }

  @Test
  void shouldWriteVersionOneWhenEverySeriesIsTracked() throws Exception {
    ScrapeBatch in = Batches.scrape("k", 1).sample("a", 1).build();
    IndexedBatch batch = BatchScanner.scan(in.toByteArray());

    byte[] bytes =
        SeriesSetWriter.write(
            in.getTarget(),
            new SeriesSetWriter.SeriesList(
                1, new long[] {1}, new LabelSource[] {batch}, new int[] {0}, new boolean[1]));

    assertThat(bytes[0]).isEqualTo(SeriesSet.VERSION);
    assertThat(SeriesSet.decode(bytes, 0).trackedCount()).isEqualTo(1);
  }

  @Test
  void shouldNameThePositionWhenAnUntrackedOneIsOutOfRange() throws Exception {
    ScrapeBatch in = Batches.scrape("k", 1).sample("a", 1).build();
    IndexedBatch batch = BatchScanner.scan(in.toByteArray());
    byte[] bytes =
        SeriesSetWriter.write(
            in.getTarget(),
            new SeriesSetWriter.SeriesList(
                1, new long[] {1}, new LabelSource[] {batch}, new int[] {0}, new boolean[] {true}));
    bytes[bytes.length - 1] = 7;

    assertThatThrownBy(() -> SeriesSet.decode(bytes, 0).untracked(0))
        .isInstanceOf(StateFormatException.class)
        .hasMessage("series set untracked position must be below 1. Found: 7");
  }

  @Test
  void shouldHashLabelSetsAlikeWhatEverTheirOrderAndEmptyValues() throws Exception {
    ScrapeBatch one =
        ScrapeBatch.newBuilder()
            .addAllSymbols(List.of("", "a", "1", "b", "2", "c"))
            .addSeries(
                io.scrapestream.schemas.v1.Series.newBuilder().addAllLabelRefs(List.of(1, 2, 3, 4)))
            .addSeries(
                io.scrapestream.schemas.v1.Series.newBuilder()
                    .addAllLabelRefs(List.of(3, 4, 5, 0, 1, 2)))
            .addSeries(
                io.scrapestream.schemas.v1.Series.newBuilder().addAllLabelRefs(List.of(1, 4, 3, 2)))
            .build();
    IndexedBatch batch = BatchScanner.scan(one.toByteArray());

    assertThat(SeriesHash.of(batch, 1)).isEqualTo(SeriesHash.of(batch, 0));
    assertThat(SeriesHash.of(batch, 2)).isNotEqualTo(SeriesHash.of(batch, 0));
  }

  @Test
  void shouldSortHashesWithTheirPayloadsWhenOrdered() {
    long[] hashes = {5, -3, 9, 5, 0, Long.MIN_VALUE, 7};
    int[] payloads = {0, 1, 2, 3, 4, 5, 6};

    HashOrder.sort(hashes, payloads, hashes.length);

    assertThat(hashes).containsExactly(Long.MIN_VALUE, -3, 0, 5, 5, 7, 9);
    assertThat(payloads).containsExactly(5, 1, 4, 0, 3, 6, 2);
  }

  @Test
  void shouldNameTheProblemWhenStoredValueIsUnreadable() {
    assertThatThrownBy(() -> SeriesSet.decode(new byte[] {9, 0}, 0))
        .isInstanceOf(StateFormatException.class)
        .hasMessage("series set must start with version 1 or 2. Found: 9");
    assertThatThrownBy(() -> TargetHeader.decode(new byte[] {1, 2, 3}))
        .isInstanceOf(StateFormatException.class)
        .hasMessage(
            "target header must be 57 bytes of version 2 (or 49 of version 1). Found: 3 bytes of"
                + " version 1");
  }

  @Test
  void shouldReadBackTargetHeaderWhenEncoded() {
    TargetHeader header = new TargetHeader(1, 2, 15_000, new Fingerprint(3, -4, 5), -6);

    assertThat(TargetHeader.decode(header.encode())).isEqualTo(header);
  }

  @Test
  void shouldReadVersion1HeaderWithUnknownLayoutWhenStoredBeforeDigests() {
    byte[] version1 =
        ByteBuffer.allocate(49)
            .put((byte) 1)
            .putLong(1)
            .putLong(2)
            .putLong(15_000)
            .putLong(3)
            .putLong(-4)
            .putLong(5)
            .array();

    assertThat(TargetHeader.decode(version1))
        .isEqualTo(new TargetHeader(1, 2, 15_000, new Fingerprint(3, -4, 5), ScrapeLayout.UNKNOWN));
  }

  private static String labels(LabelSource source, int series) {
    List<String> pairs = new ArrayList<>();
    for (int i = 0; i < source.labelRefCount(series); i += 2) {
      pairs.add(
          source.symbol(source.labelRef(series, i))
              + "="
              + source.symbol(source.labelRef(series, i + 1)));
    }
    return String.join(" ", pairs);
  }
}
