package io.scrapestream.sink.consume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.scrapestream.core.batch.DeadLetterHeaders;
import io.scrapestream.schemas.v1.ScrapeBatch;
import io.scrapestream.sink.RecordingSinkListener;
import io.scrapestream.sink.ScrapeBatchBuilder;
import io.scrapestream.testsupport.kafka.KafkaFixture;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** A remote write 400 for one bad sample costs that sample only, on a real broker and receiver. */
@ExtendWith(KafkaFixture.class)
@Timeout(120)
class SinkWorkerBisectionIT {
  private static final double BAD = 666;

  @Test
  void shouldDeliverEveryGoodSampleAndDeadLetterOnePieceWhenOneSampleMakesTheBackendAnswer400(
      KafkaFixture.Broker broker) throws Exception {
    RunningWorker.Topics topics = RunningWorker.Topics.unique(broker, "bisect");
    List<ScrapeBatch> batches = List.of(batch(0, -1), batch(1, 42), batch(2, -1));
    try (KafkaProducer<String, byte[]> producer = SinkKafka.producer(broker)) {
      for (ScrapeBatch batch : batches) {
        SinkKafka.send(producer, topics.in(), 0, batch);
      }
    }
    RecordingSinkListener listener = new RecordingSinkListener();
    try (RemoteWriteReceiver receiver =
            new RemoteWriteReceiver(
                request -> RemoteWriteReceiver.holds(request, BAD) ? 400 : 204);
        RunningWorker worker =
            RunningWorker.start(
                broker,
                topics,
                "{name: prom, remote_write: {url: '"
                    + receiver.url()
                    + "'}, batch: {max_samples: 300, max_delay: 30s}}",
                listener)) {
      TopicPartition partition = new TopicPartition(topics.in(), 0);
      await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> SinkKafka.committed(broker, topics.group(), partition) == 3);

      assertThat(receiver.accepted()).containsExactlyInAnyOrderElementsOf(goodSamples());
      assertThat(receiver.statuses()).hasSize(19).filteredOn(s -> s == 400).hasSize(10);
    }
    assertOneDeadLetter(broker, topics, batches.get(1));
    assertThat(listener.events()).contains("bisected prom 18", "deadLettered prom 1");
  }

  /** Exactly one dead letter: the original record of {@code batch}, with its provenance. */
  private static void assertOneDeadLetter(
      KafkaFixture.Broker broker, RunningWorker.Topics topics, ScrapeBatch batch) throws Exception {
    List<ConsumerRecord<String, byte[]>> dead = SinkKafka.readAll(broker, topics.dlq(), 1);
    assertThat(dead).hasSize(1);
    ConsumerRecord<String, byte[]> letter = dead.get(0);
    assertThat(letter.key()).isEqualTo("t1");
    assertThat(ScrapeBatch.parseFrom(letter.value())).isEqualTo(batch);
    assertThat(header(letter, "ss-dlq-rejected-samples")).isEqualTo("1");
    assertThat(header(letter, DeadLetterHeaders.ERROR_MESSAGE))
        .isEqualTo("server returned HTTP status 400: out of bounds");
    assertThat(header(letter, DeadLetterHeaders.SOURCE_TOPIC)).isEqualTo(topics.in());
    assertThat(header(letter, DeadLetterHeaders.SOURCE_PARTITION)).isEqualTo("0");
    assertThat(header(letter, DeadLetterHeaders.SOURCE_OFFSET)).isEqualTo("1");
  }

  private static List<String> goodSamples() {
    List<String> samples = new ArrayList<>();
    for (int n = 0; n < 3; n++) {
      for (int i = 0; i < 100; i++) {
        if (n != 1 || i != 42) {
          samples.add("m{i=" + i + ",t=t" + n + "} " + (double) i);
        }
      }
    }
    return samples;
  }

  /** 100 series of target {@code t<n>}; series {@code bad} (if >= 0) has the value {@link #BAD}. */
  private static ScrapeBatch batch(int n, int bad) {
    ScrapeBatchBuilder builder = ScrapeBatchBuilder.batch("t" + n, System.currentTimeMillis());
    for (int i = 0; i < 100; i++) {
      builder.sample(i == bad ? BAD : i, "__name__", "m", "i", String.valueOf(i), "t", "t" + n);
    }
    return builder.build();
  }

  private static String header(ConsumerRecord<String, byte[]> record, String key) {
    return new String(record.headers().lastHeader(key).value(), StandardCharsets.UTF_8);
  }
}
