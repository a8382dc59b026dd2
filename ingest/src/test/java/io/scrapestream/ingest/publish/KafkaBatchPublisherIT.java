package io.scrapestream.ingest.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.scrapestream.schemas.v1.ScrapeBatch;
import io.scrapestream.schemas.v1.ScrapeReport;
import io.scrapestream.schemas.v1.Target;
import io.scrapestream.testsupport.kafka.KafkaFixture;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** Produce latency and errors as the listener hears them, on a real KRaft broker. */
@ExtendWith(KafkaFixture.class)
@Timeout(120)
class KafkaBatchPublisherIT {
  private final List<String> outcomes = new CopyOnWriteArrayList<>();
  private final List<Duration> latencies = new CopyOnWriteArrayList<>();
  private final PublishListener listener =
      (latency, failure) -> {
        latencies.add(latency);
        outcomes.add(failure.map(PublishFailure::label).orElse("ok"));
      };

  @Test
  void shouldReportLatencyWhenBrokerAcknowledges(KafkaFixture.Broker broker) {
    try (KafkaBatchPublisher publisher =
        new KafkaBatchPublisher(properties(broker, Map.of()), topic(broker), listener)) {
      publisher.publish(batch(100));
      publisher.publish(batch(100));

      await().atMost(Duration.ofSeconds(60)).until(() -> outcomes.size() == 2);
    }

    assertThat(outcomes).containsExactly("ok", "ok");
    assertThat(latencies).allMatch(latency -> !latency.isNegative() && !latency.isZero());
  }

  @Test
  void shouldReportRejectedWhenRecordExceedsMaxRequestSize(KafkaFixture.Broker broker) {
    Map<String, Object> small = Map.of("max.request.size", 1024);
    try (KafkaBatchPublisher publisher =
        new KafkaBatchPublisher(properties(broker, small), topic(broker), listener)) {
      publisher.publish(batch(4096));

      await().atMost(Duration.ofSeconds(60)).until(() -> outcomes.size() == 1);
      assertThat(publisher.failures()).isEqualTo(1);
    }

    assertThat(outcomes).containsExactly("rejected");
  }

  @Test
  void shouldRefuseBatchWhenUnacknowledgedBytesReachTheBound(KafkaFixture.Broker broker) {
    Map<String, Object> held = Map.of("linger.ms", 60_000, "batch.size", 1024 * 1024);
    ScrapeBatch batch = batch(40_000);
    int size = batch.getSerializedSize();
    try (KafkaBatchPublisher publisher =
        new KafkaBatchPublisher(properties(broker, held), topic(broker), listener, 100, 100_000)) {
      boolean first = publisher.publish(batch);
      boolean second = publisher.publish(batch);
      boolean third = publisher.publish(batch);
      boolean fourth = publisher.publish(batch);

      assertThat(List.of(first, second, third, fourth)).containsExactly(true, true, true, false);
      assertThat(publisher.inFlight()).isEqualTo(3);
      assertThat(publisher.inFlightBytes()).isEqualTo(3L * size);
      assertThat(publisher.hasRoom()).isFalse();
    }

    assertThat(outcomes).containsExactly("ok", "ok", "ok");
  }

  @Test
  void shouldHaveNoRoomAndRefuseBatchWhenTopicMetadataCannotBeFetched() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    Map<String, Object> unreachable =
        Map.of("bootstrap.servers", "127.0.0.1:" + closedPort, "max.block.ms", 200);
    try (KafkaBatchPublisher publisher =
        new KafkaBatchPublisher(unreachable, "nowhere.samples.raw", listener)) {
      assertThat(publisher.hasRoom()).isFalse();
      assertThat(publisher.publish(batch(100))).isFalse();
      assertThat(publisher.failures()).isZero();
    }

    assertThat(outcomes).isEmpty();
  }

  private static String topic(KafkaFixture.Broker broker) {
    return broker.uniqueName("publisher") + "samples.raw";
  }

  private static Map<String, Object> properties(
      KafkaFixture.Broker broker, Map<String, Object> extra) {
    Map<String, Object> properties = new HashMap<>(broker.clientProperties());
    properties.put("acks", "all");
    properties.putAll(extra);
    return properties;
  }

  private static ScrapeBatch batch(int errorLength) {
    return ScrapeBatch.newBuilder()
        .setTarget(Target.newBuilder().setKey("00000000000000aa").setScrapeUrl("http://h/metrics"))
        .setReport(ScrapeReport.newBuilder().setError("x".repeat(errorLength)))
        .build();
  }
}
