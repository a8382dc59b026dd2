package io.scrapestream.sink.consume;

import static io.scrapestream.sink.ScrapeBatchBuilder.batch;
import static org.assertj.core.api.Assertions.assertThat;

import io.scrapestream.core.config.BatchSettings;
import io.scrapestream.schemas.v1.ScrapeBatch;
import io.scrapestream.sink.ScrapeBatchBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class LaneTest {
  private static final TopicPartition PARTITION = new TopicPartition("out", 2);
  private static final Instant T0 = Instant.parse("2026-11-21T10:00:00Z");
  private static final BatchSettings BATCH = new BatchSettings(10, Duration.ofSeconds(1));

  private final Lane lane = new Lane(PARTITION);

  @Test
  void shouldBeDueWhenTheQueueHoldsABatchOrItsOldestRecordWaitedMaxDelay() {
    lane.add(record(0, 4, 5_000), T0);
    lane.add(record(1, 4, 3_000), T0.plusMillis(600));

    assertThat(lane.due(BATCH, T0.plusMillis(999), false)).isFalse();
    assertThat(lane.due(BATCH, T0.plusMillis(999), true)).isTrue();
    assertThat(lane.due(BATCH, T0.plusSeconds(1), false)).isTrue();
    lane.add(record(2, 2, 4_000), T0.plusMillis(700));
    assertThat(lane.due(BATCH, T0.plusMillis(700), false)).isTrue();
  }

  @Test
  void shouldTakeWholeRecordsUpToMaxSamplesAndKeepTheRestQueuedWhenAUnitStarts() {
    lane.add(record(7, 4, 1_000), T0);
    lane.add(record(8, 5, 2_000), T0);
    lane.add(record(9, 3, 500), T0);

    ExportUnit unit = lane.unit(10);

    assertThat(unit.records()).extracting(PolledRecord::offset).containsExactly(7L, 8L);
    assertThat(unit.samples()).isEqualTo(9);
    assertThat(unit.nextOffset()).isEqualTo(9);
    assertThat(lane.uncommittedSamples()).isEqualTo(12);
    assertThat(lane.firstUncommittedOffset()).isEqualTo(OptionalLong.of(7));
    assertThat(lane.oldestUncommittedMs()).isEqualTo(OptionalLong.of(500));
    assertThat(lane.unit(10)).isSameAs(unit);
  }

  @Test
  void shouldTakeOneRecordEvenWhenItAloneExceedsMaxSamples() {
    lane.add(record(0, 25, 1_000), T0);

    assertThat(lane.unit(10).samples()).isEqualTo(25);
  }

  @Test
  void shouldSendTheSameUnitAgainOnlyAfterItsBackOffWhenItFailed() {
    lane.add(record(0, 1, 1_000), T0);
    lane.unit(10);
    lane.backOff(T0.plusSeconds(2));

    assertThat(lane.due(BATCH, T0.plusSeconds(1), true)).isFalse();
    assertThat(lane.backingOff(T0.plusSeconds(1))).isTrue();
    assertThat(lane.due(BATCH, T0.plusSeconds(2), false)).isTrue();
    assertThat(lane.failures()).isEqualTo(1);
    lane.committed();
    assertThat(lane.failures()).isZero();
    assertThat(lane.hasUncommitted()).isFalse();
    assertThat(lane.oldestUncommittedMs()).isEmpty();
  }

  private static PolledRecord record(long offset, int samples, long scrapeMs) {
    ScrapeBatchBuilder builder = batch("t", scrapeMs);
    for (int i = 0; i < samples; i++) {
      builder.sample(i, "__name__", "m" + i);
    }
    ScrapeBatch batch = builder.build();
    return PolledRecord.decoded(
        new ConsumerRecord<>(
            PARTITION.topic(), PARTITION.partition(), offset, "t", batch.toByteArray()),
        batch);
  }
}
