package io.scrapestream.sink.series;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.InvalidProtocolBufferException;
import io.scrapestream.schemas.v1.Exemplar;
import io.scrapestream.schemas.v1.MetricType;
import io.scrapestream.schemas.v1.ScrapeBatch;
import io.scrapestream.schemas.v1.ScrapeReport;
import io.scrapestream.schemas.v1.Series;
import io.scrapestream.sink.ScrapeBatchBuilder;
import java.io.IOException;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FlatBatchTest {
  /** One reader for every mutation: what one batch leaves in its arrays must not leak. */
  private final FlatBatchReader reader = new FlatBatchReader();

  @Test
  void shouldReadColumnsOfMessageWhenBytesHoldFloatSamples() throws IOException {
    ScrapeBatch batch = fullBatch();

    FlatBatch flat = FlatBatch.decode(batch.toByteArray());

    assertThat(flat.timestampMs()).isEqualTo(1000);
    assertThat(flat.seriesCount()).isEqualTo(3);
    assertThat(flat.floatsOnly()).isTrue();
    assertThat(flat.symbolCount()).isEqualTo(batch.getSymbolsCount());
    assertThat(flat.symbol(1)).isEqualTo(batch.getSymbols(1));
    assertThat(Arrays.copyOfRange(flat.refs(), flat.refsStart(1), flat.refsEnd(1)))
        .containsExactly(batch.getSeries(1).getLabelRefsList().toArray(new Integer[0]));
    assertThat(flat.valueBits(1)).isEqualTo(Double.doubleToRawLongBits(2.5));
    assertThat(flat.timestampMs(0)).isEqualTo(1000);
    assertThat(flat.timestampMs(2)).isEqualTo(900);
    assertThat(flat.message()).isEqualTo(batch);
    assertSameColumns(new FlatBatchReader().read(batch.toByteArray()), FlatBatch.of(batch));
  }

  @Test
  void shouldTellNotFloatsOnlyWhenASeriesHoldsAnExemplar() throws IOException {
    ScrapeBatchBuilder builder = ScrapeBatchBuilder.batch("t1", 1000);
    builder.series(
        Series.newBuilder().setValueBits(1).addExemplars(Exemplar.newBuilder().setValueBits(2)),
        "__name__",
        "a");

    assertThat(FlatBatch.decode(builder.build().toByteArray()).floatsOnly()).isFalse();
  }

  @Test
  void shouldThrowTheExceptionOfParseFromWhenBytesAreTruncated() {
    byte[] bytes = fullBatch().toByteArray();
    byte[] truncated = Arrays.copyOf(bytes, bytes.length - 3);

    assertThatThrownBy(() -> FlatBatch.decode(truncated))
        .isInstanceOf(InvalidProtocolBufferException.class)
        .hasMessage(
            "While parsing a protocol message, the input ended unexpectedly in the middle of a"
                + " field.  This could mean either that the input has been truncated or that an"
                + " embedded message misreported its own length.");
  }

  @Test
  void shouldThrowNullPointerExceptionWhenRecordHasNoValue() {
    assertThatThrownBy(() -> FlatBatch.decode(null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void shouldParseMessageWhenStringOfTargetIsNotUtf8() throws IOException {
    byte[] bytes = fullBatch().toByteArray();
    int at = indexOf(bytes, "job-a".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    bytes[at] = (byte) 0xff;

    assertThatThrownBy(() -> new FlatBatchReader().read(bytes))
        .isInstanceOf(InvalidProtocolBufferException.class)
        .hasMessage("Protocol message had invalid UTF-8.");
    assertThatThrownBy(() -> FlatBatch.decode(bytes))
        .isInstanceOf(InvalidProtocolBufferException.class)
        .hasMessage("Protocol message had invalid UTF-8.");
  }

  @Test
  void shouldReadReferencesOfSeveralBytesWhenTheStringTableIsLarge() throws IOException {
    ScrapeBatch.Builder batch = ScrapeBatch.newBuilder().setTimestampMs(1000).addSymbols("");
    for (int i = 1; i <= 20_000; i++) {
      batch.addSymbols("s" + i);
    }
    batch.addSeries(Series.newBuilder().addAllLabelRefs(java.util.List.of(1, 127, 128, 16_384)));

    FlatBatch.Columns read = reader.read(batch.build().toByteArray());

    assertThat(read.refs()).containsExactly(1, 127, 128, 16_384);
    assertSameColumns(read, FlatBatch.of(batch.build()));
  }

  @Test
  void shouldKeepTheLow32BitsWhenAReferenceIsATenByteVarint() throws IOException {
    byte[] tenBytes = {
      (byte) 0x82,
      (byte) 0x80,
      (byte) 0x80,
      (byte) 0x80,
      (byte) 0x80,
      (byte) 0x80,
      (byte) 0x80,
      (byte) 0x80,
      (byte) 0x80,
      0x01
    };
    java.io.ByteArrayOutputStream series = new java.io.ByteArrayOutputStream();
    series.write(new byte[] {10, 11});
    series.write(tenBytes);
    series.write(1);
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    bytes.write(
        ScrapeBatch.newBuilder()
            .addSymbols("")
            .addSymbols("a")
            .addSymbols("b")
            .build()
            .toByteArray());
    bytes.write(new byte[] {34, (byte) series.size()});
    series.writeTo(bytes);

    FlatBatch.Columns read = reader.read(bytes.toByteArray());

    assertThat(read.refs()).containsExactly(2, 1);
    assertSameColumns(read, FlatBatch.of(ScrapeBatch.parseFrom(bytes.toByteArray())));
  }

  @Test
  void shouldReadPastMetadataWithAnUnknownFieldWhenParseFromReadsIt() throws IOException {
    byte[] bytes = withMetadata(new byte[] {8, 1, 16, 2, 24, 3, 32, 4, 40, 7});

    FlatBatch.Columns read = reader.read(bytes);

    assertThat(read.symbols()).containsExactly("", "a", "b");
    assertThat(ScrapeBatch.parseFrom(bytes).getMetadata(0).getHelpRef()).isEqualTo(3);
    assertSameColumns(read, FlatBatch.of(ScrapeBatch.parseFrom(bytes)));
  }

  @Test
  void shouldRefuseMetadataWithAnEndGroupTagWhenParseFromRefusesIt() throws IOException {
    byte[] bytes = withMetadata(new byte[] {8, 1, 12});

    assertThatThrownBy(() -> reader.read(bytes))
        .isInstanceOf(InvalidProtocolBufferException.class)
        .hasMessage("Protocol message end-group tag did not match expected tag.");
    assertThatThrownBy(() -> ScrapeBatch.parseFrom(bytes))
        .isInstanceOf(InvalidProtocolBufferException.class)
        .hasMessage("Protocol message end-group tag did not match expected tag.");
  }

  /** A batch of three symbols with one metadata entry of exactly {@code metadata}. */
  private static byte[] withMetadata(byte[] metadata) throws IOException {
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    bytes.write(
        ScrapeBatch.newBuilder()
            .addSymbols("")
            .addSymbols("a")
            .addSymbols("b")
            .build()
            .toByteArray());
    bytes.write(new byte[] {42, (byte) metadata.length});
    bytes.write(metadata);
    return bytes.toByteArray();
  }

  @Test
  void shouldAgreeWithParseFromWhenBytesAreMutated() throws IOException {
    byte[] original = fullBatch().toByteArray();
    Random random = new Random(42);
    int[] outcomes = new int[3];
    for (int round = 0; round < 5000; round++) {
      byte[] bytes = mutate(original, random);
      outcomes[agreement(bytes)]++;
    }
    assertThat(outcomes[0]).as("both refused").isGreaterThan(100);
    assertThat(outcomes[1]).as("both read").isGreaterThan(100);
    assertThat(outcomes[2]).as("the reader refused, parseFrom read: slow path").isLessThan(50);
  }

  /** 0: both refuse, 1: both read the same values, 2: only parseFrom reads (decode falls back). */
  private int agreement(byte[] bytes) throws IOException {
    FlatBatch.Columns read;
    try {
      read = reader.read(bytes);
    } catch (IOException | RuntimeException e) {
      try {
        FlatBatch decoded = FlatBatch.decode(bytes);
        assertSameColumns(decoded.columns(), FlatBatch.of(ScrapeBatch.parseFrom(bytes)));
        return 2;
      } catch (InvalidProtocolBufferException refused) {
        return 0;
      }
    }
    assertSameColumns(read, FlatBatch.of(ScrapeBatch.parseFrom(bytes)));
    return 1;
  }

  private static byte[] mutate(byte[] original, Random random) {
    byte[] bytes = original.clone();
    int at = random.nextInt(bytes.length);
    switch (random.nextInt(3)) {
      case 0 -> bytes[at] = (byte) random.nextInt(256);
      case 1 -> bytes[at] ^= (byte) (1 << random.nextInt(8));
      default -> bytes = Arrays.copyOf(bytes, at);
    }
    return bytes;
  }

  private static void assertSameColumns(FlatBatch.Columns read, FlatBatch parsed) {
    FlatBatch.Columns expected = parsed.columns();
    assertThat(read.timestampMs()).isEqualTo(expected.timestampMs());
    assertThat(read.symbols()).containsExactly(expected.symbols());
    assertThat(read.refStarts()).containsExactly(expected.refStarts());
    assertThat(read.refs()).containsExactly(expected.refs());
    assertThat(read.valueBits()).containsExactly(expected.valueBits());
    assertThat(read.timestamps()).containsExactly(expected.timestamps());
    assertThat(read.floatsOnly()).isEqualTo(expected.floatsOnly());
  }

  private static ScrapeBatch fullBatch() {
    ScrapeBatchBuilder builder =
        ScrapeBatchBuilder.batch("t1", 1000)
            .target("job-a", "http://10.0.0.1:9100/metrics", "instance", "10.0.0.1:9100")
            .metadata("up", MetricType.METRIC_TYPE_GAUGE, "whether up", "")
            .resource("service.name", "node")
            .sample(1.0, "__name__", "up", "job", "job-a")
            .sample(2.5, "__name__", "load", "cpu", "0")
            .sampleAt(900, 3.0, "__name__", "late", "job", "job-a");
    return builder.build().toBuilder().setReport(ScrapeReport.newBuilder().setUp(true)).build();
  }

  private static int indexOf(byte[] bytes, byte[] part) {
    for (int i = 0; i + part.length <= bytes.length; i++) {
      if (Arrays.equals(bytes, i, i + part.length, part, 0, part.length)) {
        return i;
      }
    }
    throw new IllegalArgumentException("not found: " + new String(part));
  }
}
