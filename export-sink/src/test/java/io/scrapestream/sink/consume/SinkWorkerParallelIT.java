package io.scrapestream.sink.consume;

import static io.scrapestream.sink.ScrapeBatchBuilder.batch;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.scrapestream.sink.SinkListener;
import io.scrapestream.testsupport.kafka.KafkaFixture;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** Partitions are exported in parallel: one stuck partition does not hold the others back. */
@ExtendWith(KafkaFixture.class)
@Timeout(120)
class SinkWorkerParallelIT {

  @Test
  void shouldCommitTheOtherPartitionsWhileOnePartitionsRequestIsStuck(KafkaFixture.Broker broker)
      throws Exception {
    RunningWorker.Topics topics = RunningWorker.Topics.unique(broker, "parallel");
    SinkKafka.createTopic(broker, topics.in(), 3);
    List<String> expected = produce(broker, topics.in());
    CountDownLatch release = new CountDownLatch(1);
    try (RemoteWriteReceiver receiver =
            new RemoteWriteReceiver(
                request -> {
                  if (RemoteWriteReceiver.firstLabel(request, "t").equals("slow")) {
                    hold(release);
                  }
                  return 204;
                });
        RunningWorker worker =
            RunningWorker.start(
                broker,
                topics,
                "{name: prom, remote_write: {url: '"
                    + receiver.url()
                    + "'}, batch: {max_samples: 1, max_delay: 10ms}, max_in_flight: 3}",
                SinkListener.NO_OP)) {
      await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> committed(broker, topics, 1) == 4 && committed(broker, topics, 2) == 4);
      assertThat(committed(broker, topics, 0)).isEqualTo(-1);

      release.countDown();

      await().atMost(Duration.ofSeconds(30)).until(() -> committed(broker, topics, 0) == 4);
      assertThat(receiver.accepted()).containsExactlyInAnyOrderElementsOf(expected);
    }
  }

  /** Four one-sample records per partition; partition 0's are labelled {@code t=slow}. */
  private static List<String> produce(KafkaFixture.Broker broker, String topic) throws Exception {
    List<String> expected = new ArrayList<>();
    try (KafkaProducer<String, byte[]> producer = SinkKafka.producer(broker)) {
      for (int partition = 0; partition < 3; partition++) {
        String speed = partition == 0 ? "slow" : "fast";
        for (int i = 0; i < 4; i++) {
          long now = System.currentTimeMillis();
          SinkKafka.send(
              producer,
              topic,
              partition,
              batch(speed + partition, now)
                  .sample(i, "__name__", "m", "p", "" + partition, "t", speed)
                  .build());
          expected.add("m{p=" + partition + ",t=" + speed + "} " + (double) i);
        }
      }
    }
    return expected;
  }

  private static long committed(KafkaFixture.Broker broker, RunningWorker.Topics topics, int p)
      throws Exception {
    return SinkKafka.committed(broker, topics.group(), new TopicPartition(topics.in(), p));
  }

  private static void hold(CountDownLatch latch) {
    try {
      latch.await(60, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
