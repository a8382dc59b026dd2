package io.scrapestream.sink.consume;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** When acknowledged offsets reach the group, against Kafka's in-memory consumer. */
class OffsetCommitsTest {
  private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");
  private static final TopicPartition FIRST = new TopicPartition("out", 0);
  private static final TopicPartition SECOND = new TopicPartition("out", 1);

  private final MockConsumer<String, byte[]> consumer =
      new MockConsumer<>(OffsetResetStrategy.EARLIEST);
  private final OffsetCommits commits =
      new OffsetCommits(consumer, "rw", Clock.fixed(NOW, ZoneOffset.UTC), new LoopCounters(NOW));

  @BeforeEach
  void assign() {
    consumer.assign(List.of(FIRST, SECOND));
  }

  @Test
  void shouldWaitForTheNextCommitWhenAPartitionFinishesItsFirstUnit() {
    commits.add(FIRST, new OffsetAndMetadata(5));
    commits.add(SECOND, new OffsetAndMetadata(3));

    assertThat(consumer.committed(Set.of(FIRST, SECOND))).isEmpty();
    assertThat(commits.isEmpty()).isFalse();
  }

  @Test
  void shouldCommitEveryPartitionAtOnceWhenAPartitionFinishesASecondUncommittedUnit() {
    commits.add(FIRST, new OffsetAndMetadata(5));
    commits.add(SECOND, new OffsetAndMetadata(3));
    commits.add(FIRST, new OffsetAndMetadata(9));

    assertThat(consumer.committed(Set.of(FIRST, SECOND)))
        .isEqualTo(Map.of(FIRST, new OffsetAndMetadata(9), SECOND, new OffsetAndMetadata(3)));
    assertThat(commits.isEmpty()).isTrue();
  }

  @Test
  void shouldCommitWhenTheIntervalPassedSinceTheLastCommitWhenDue() {
    commits.add(FIRST, new OffsetAndMetadata(5));

    commits.commitIfDue();
    commits.add(SECOND, new OffsetAndMetadata(3));
    commits.commitIfDue();

    assertThat(consumer.committed(Set.of(FIRST, SECOND)))
        .isEqualTo(Map.of(FIRST, new OffsetAndMetadata(5)));
    assertThat(commits.isEmpty()).isFalse();
  }

  @Test
  void shouldNotCommitALostPartitionWhenItWasForgotten() {
    commits.add(FIRST, new OffsetAndMetadata(5));
    commits.add(SECOND, new OffsetAndMetadata(3));

    commits.forget(List.of(FIRST));
    commits.commitNow();

    assertThat(consumer.committed(Set.of(FIRST, SECOND)))
        .isEqualTo(Map.of(SECOND, new OffsetAndMetadata(3)));
  }
}
