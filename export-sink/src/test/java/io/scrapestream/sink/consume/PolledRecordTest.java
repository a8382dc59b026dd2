package io.scrapestream.sink.consume;

import static io.scrapestream.sink.ScrapeBatchBuilder.batch;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.scrapestream.schemas.v1.ScrapeBatch;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

class PolledRecordTest {

  @Test
  void shouldReadSamplesAndScrapeTimeWhenValueIsABatch() {
    ScrapeBatch batch =
        batch("t1", 1000).sample(1, "__name__", "a").sample(2, "__name__", "b").build();

    PolledRecord polled = PolledRecord.of(record(batch.toByteArray()));

    assertThat(polled.decodes()).isTrue();
    assertThat(polled.samples()).isEqualTo(2);
    assertThat(polled.timestampMs()).isEqualTo(1000);
    assertThat(polled.batch()).isEqualTo(batch);
  }

  @Test
  void shouldKeepTheParserMessageAsDecodeErrorWhenValueIsTruncated() {
    PolledRecord polled = PolledRecord.of(record(new byte[] {0x0a, 0x05}));

    assertThat(polled.decodes()).isFalse();
    assertThat(polled.batch()).isNull();
    assertThat(polled.samples()).isZero();
    assertThat(polled.timestampMs()).isEqualTo(7000);
    assertThat(polled.decodeError())
        .isEqualTo(
            "InvalidProtocolBufferException: While parsing a protocol message, the input ended"
                + " unexpectedly in the middle of a field.  This could mean either that the input"
                + " has been truncated or that an embedded message misreported its own length.");
  }

  @Test
  void shouldKeepTheParserMessageAsDecodeErrorWhenValueIsNull() {
    PolledRecord polled = PolledRecord.of(record(null));

    assertThat(polled.decodes()).isFalse();
    assertThat(polled.decodeError())
        .isEqualTo(
            "NullPointerException: "
                + catchThrowable(() -> ScrapeBatch.parseFrom((byte[]) null)).getMessage());
  }

  private static ConsumerRecord<String, byte[]> record(byte[] value) {
    return new ConsumerRecord<>(
        "samples",
        0,
        42,
        7000,
        TimestampType.CREATE_TIME,
        -1,
        -1,
        "key",
        value,
        new RecordHeaders(),
        Optional.empty());
  }
}
