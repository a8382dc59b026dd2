package io.scrapestream.sink.consume;

import static io.scrapestream.sink.ScrapeBatchBuilder.batch;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.scrapestream.sink.RecordingSinkListener;
import io.scrapestream.sink.ScrapeBatchBuilder;
import io.scrapestream.testsupport.kafka.KafkaFixture;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A backend slower than {@code max.poll.interval.ms} per request: the worker keeps polling, so the
 * group never rebalances; the lag grows while the backend is slow, then drains to zero.
 */
@ExtendWith(KafkaFixture.class)
@Timeout(180)
class SinkWorkerBackpressureIT {
  private static final int RECORDS = 10;

  @Test
  void shouldNeverBeRevokedAndDrainTheLagWhenEachRequestOutlastsTheMaxPollInterval(
      KafkaFixture.Broker broker) throws Exception {
    RunningWorker.Topics topics = RunningWorker.Topics.unique(broker, "backpressure");
    SinkKafka.createTopic(broker, topics.in(), 1);
    RecordingSinkListener listener = new RecordingSinkListener();
    try (RemoteWriteReceiver receiver = new RemoteWriteReceiver(request -> slowly(204));
        RunningWorker worker =
            RunningWorker.start(
                broker,
                topics,
                "{name: prom, remote_write: {url: '"
                    + receiver.url()
                    + "'}, batch: {max_samples: 10, max_delay: 10ms}, max_in_flight: 1,"
                    + " max_pending_samples: 30}",
                listener,
                Map.of("max.poll.interval.ms", "1000"))) {
      await().atMost(Duration.ofSeconds(30)).until(() -> listener.lags().contains("0 PT0S"));
      produce(broker, topics.in());

      await()
          .atMost(Duration.ofSeconds(120))
          .until(
              () ->
                  SinkKafka.committed(broker, topics.group(), new TopicPartition(topics.in(), 0))
                      == RECORDS);
      await().atMost(Duration.ofSeconds(10)).until(() -> last(listener.lags()).equals("0 PT0S"));

      assertThat(receiver.accepted()).hasSize(RECORDS * 10).doesNotHaveDuplicates();
      assertThat(listener.events()).noneMatch(event -> event.startsWith("revoked"));
      assertLagGrewThenDrained(listener.lags());
    }
  }

  /** Lag reports went up to at least 5 records and 5 seconds of age before draining. */
  private static void assertLagGrewThenDrained(List<String> reports) {
    List<String> lags;
    synchronized (reports) {
      lags = List.copyOf(reports);
    }
    assertThat(lags.stream().mapToLong(SinkWorkerBackpressureIT::records).max().orElse(0))
        .isGreaterThanOrEqualTo(5);
    assertThat(lags.stream().map(SinkWorkerBackpressureIT::age).max(Duration::compareTo))
        .hasValueSatisfying(age -> assertThat(age).isGreaterThan(Duration.ofSeconds(5)));
  }

  private static void produce(KafkaFixture.Broker broker, String topic) throws Exception {
    try (KafkaProducer<String, byte[]> producer = SinkKafka.producer(broker)) {
      for (int r = 0; r < RECORDS; r++) {
        ScrapeBatchBuilder builder = batch("t" + r, System.currentTimeMillis());
        for (int i = 0; i < 10; i++) {
          builder.sample(i, "__name__", "m", "i", String.valueOf(i), "r", String.valueOf(r));
        }
        SinkKafka.send(producer, topic, 0, builder.build());
      }
    }
  }

  /** Answers after 1.2 s: longer than the consumer's max.poll.interval.ms. */
  private static int slowly(int status) {
    try {
      Thread.sleep(1200);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return status;
  }

  private static String last(List<String> list) {
    synchronized (list) {
      return list.isEmpty() ? "" : list.get(list.size() - 1);
    }
  }

  private static long records(String lag) {
    return Long.parseLong(lag.split(" ")[0]);
  }

  private static Duration age(String lag) {
    return Duration.parse(lag.split(" ")[1]);
  }
}
