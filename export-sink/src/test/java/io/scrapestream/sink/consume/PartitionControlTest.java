package io.scrapestream.sink.consume;

import static io.scrapestream.sink.ScrapeBatchBuilder.batch;
import static org.assertj.core.api.Assertions.assertThat;

import io.scrapestream.schemas.v1.ScrapeBatch;
import io.scrapestream.sink.ScrapeBatchBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/** Pausing and lag against Kafka's own in-memory consumer (no broker: pure bookkeeping). */
class PartitionControlTest {
  private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");
  private static final TopicPartition FULL = new TopicPartition("out", 0);
  private static final TopicPartition WAITING = new TopicPartition("out", 1);
  private static final TopicPartition FREE = new TopicPartition("out", 2);

  private final MockConsumer<String, byte[]> consumer =
      new MockConsumer<>(OffsetResetStrategy.EARLIEST);
  private final PartitionControl control = new PartitionControl(consumer, 10, 25);

  @Test
  void shouldPauseFullAndBackingOffPartitionsAndResumeTheRestWhenAsked() {
    consumer.assign(List.of(FULL, WAITING, FREE));
    consumer.pause(List.of(FREE));
    Lane full = lane(FULL, 0, 10, NOW.toEpochMilli());
    Lane waiting = lane(WAITING, 0, 1, NOW.toEpochMilli());
    waiting.unit(10);
    waiting.backOff(NOW.plusSeconds(1));
    Lane free = lane(FREE, 0, 9, NOW.toEpochMilli());

    control.pauseAndResume(List.of(full, waiting, free), NOW);

    assertThat(consumer.paused()).containsExactlyInAnyOrder(FULL, WAITING);
    control.pauseAndResume(List.of(full, waiting, free), NOW.plusSeconds(1));
    assertThat(consumer.paused()).containsExactly(FULL);
  }

  @Test
  void shouldPauseEveryPartitionWhenTogetherTheyHoldTheWorkersBound() {
    consumer.assign(List.of(FULL, WAITING, FREE));
    Lane first = lane(FULL, 0, 9, NOW.toEpochMilli());
    Lane second = lane(WAITING, 0, 9, NOW.toEpochMilli());
    Lane empty = new Lane(FREE);

    control.pauseAndResume(List.of(first, second, empty), NOW);
    assertThat(consumer.paused()).isEmpty();
    Lane third = lane(FREE, 0, 7, NOW.toEpochMilli());
    control.pauseAndResume(List.of(first, second, third), NOW);

    assertThat(consumer.paused()).containsExactlyInAnyOrder(FULL, WAITING, FREE);
  }

  @Test
  void shouldPauseAPartitionWhileItsExportWaitsForTheExportersOwnRetryWhenAsked() {
    consumer.assign(List.of(FREE));
    Lane retrying = lane(FREE, 0, 1, NOW.toEpochMilli());
    ExportUnit unit = retrying.unit(10);
    retrying.started(new CompletableFuture<>());

    control.pauseAndResume(List.of(retrying), NOW);
    assertThat(consumer.paused()).isEmpty();
    unit.retrying(true);
    control.pauseAndResume(List.of(retrying), NOW);
    assertThat(consumer.paused()).containsExactly(FREE);
    retrying.ended();
    control.pauseAndResume(List.of(retrying), NOW);
    assertThat(consumer.paused()).isEmpty();
  }

  @Test
  void shouldPauseABoundedPartitionWhenItsPositionReachedTheEnd() {
    consumer.assign(List.of(FREE));
    consumer.updateBeginningOffsets(Map.of(FREE, 0L));
    consumer.seek(FREE, 40);
    Lane bounded = new Lane(FREE);
    bounded.endOffset(40);

    control.pauseAndResume(List.of(bounded), NOW);

    assertThat(control.atEnd(bounded)).isTrue();
    assertThat(consumer.paused()).containsExactly(FREE);
  }

  @Test
  void shouldReportRecordsBehindTheEndAndTheAgeOfTheOldestWaitingScrapeWhenAskedForLag() {
    consumer.assign(List.of(FULL, FREE));
    consumer.updateEndOffsets(Map.of(FULL, 30L, FREE, 100L));
    consumer.seek(FREE, 60);
    Lane full = lane(FULL, 12, 3, NOW.minusSeconds(42).toEpochMilli());

    Lag lag = control.lag(List.of(full, new Lane(FREE)), NOW);

    assertThat(lag).isEqualTo(new Lag(18 + 40, Duration.ofSeconds(42)));
  }

  /** A lane holding one record at {@code offset} with {@code samples} samples. */
  private static Lane lane(TopicPartition partition, long offset, int samples, long scrapeMs) {
    ScrapeBatchBuilder builder = batch("t", scrapeMs);
    for (int i = 0; i < samples; i++) {
      builder.sample(i, "__name__", "m" + i);
    }
    ScrapeBatch batch = builder.build();
    Lane lane = new Lane(partition);
    lane.add(
        PolledRecord.decoded(
            new ConsumerRecord<>(
                partition.topic(), partition.partition(), offset, "t", batch.toByteArray()),
            batch),
        NOW);
    return lane;
  }
}
