package io.scrapestream.sink.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.scrapestream.core.config.ScrapestreamConfig;
import io.scrapestream.core.kafka.Topics;
import io.scrapestream.sink.SinkApp;
import io.scrapestream.sink.SinkListener;
import io.scrapestream.testsupport.faults.RemoteWriteEndpoint;
import io.scrapestream.testsupport.faults.RemoteWriteEndpoint.Reply;
import io.scrapestream.testsupport.faults.RemoteWriteExchange;
import io.scrapestream.testsupport.faults.RetryWaits;
import io.scrapestream.testsupport.faults.Tally;
import io.scrapestream.testsupport.kafka.KafkaFixture;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A 429 storm: 30% of requests, chosen by a seeded random, answered 429 with a {@code Retry-After}
 * of 1 (seconds), an HTTP-date 1 s ahead, none, or garbage, in turn. Nothing is lost and no retry
 * comes before the header allows.
 */
@ExtendWith(KafkaFixture.class)
@Timeout(90)
class SinkThrottlingIT {
  /** The shortest wait without a usable header: the worker's backoff floor, 500 ms halved. */
  private static final Duration SHORTEST_BACKOFF = Duration.ofMillis(250);

  @Test
  void shouldLoseNoSampleAndHonourRetryAfterWhenBackendThrottles(KafkaFixture.Broker broker)
      throws Exception {
    String prefix = broker.uniqueName("sink-throttle");
    SequenceWorkload workload = new SequenceWorkload(40, 50, 5, 1_700_000_000_000L);
    try (RemoteWriteEndpoint receiver = RemoteWriteEndpoint.receiver(SequenceWorkload.KEYER)) {
      receiver.respondWith(new Storm(new Random(42)));
      ScrapestreamConfig config =
          FaultConfigs.remoteWrite(broker.bootstrapServers(), prefix, receiver.url());
      String topic = Topics.samplesEnriched(config.kafka());
      workload.fill(broker.clientProperties(), topic, 4);
      double seconds;
      try (SinkApp sink = SinkApp.start(config, SinkListener.NO_OP)) {
        long start = System.nanoTime();
        await()
            .atMost(Duration.ofSeconds(60))
            .until(() -> receiver.ledger().distinct() >= workload.samples());
        seconds = (System.nanoTime() - start) / 1e9;
      }
      Tally tally =
          Tally.of("storm_429_30pct", workload.expected(), receiver.ledger().counts(), seconds)
              .print();
      List<RemoteWriteExchange> exchanges = receiver.exchanges();
      List<String> violations = new RetryWaits(SHORTEST_BACKOFF, Duration.ZERO).early(exchanges);
      System.out.printf(
          "scenario=storm_429_30pct shortest_wait_ms=%s%n", RetryWaits.shortest(exchanges));
      assertThat(tally.lost()).isZero();
      assertThat(tally.duplicated()).isZero();
      assertThat(tally.unexpected()).isZero();
      // the kinds go in turn, so four 429s cover all of them
      assertThat(exchanges.stream().filter(e -> e.status() == 429).count())
          .isGreaterThanOrEqualTo(4);
      assertThat(violations).isEmpty();
    }
  }

  /** 429 for 30% of requests; the Retry-After kinds in turn. */
  private static final class Storm implements RemoteWriteEndpoint.Responder {
    private final Random random;
    private int refused;

    Storm(Random random) {
      this.random = random;
    }

    @Override
    public synchronized Reply answer(int index) {
      if (random.nextDouble() >= 0.3) {
        return Reply.ACCEPT;
      }
      Optional<String> retryAfter =
          switch (refused++ % 4) {
            case 0 -> Optional.of("1");
            case 1 ->
                Optional.of(
                    DateTimeFormatter.RFC_1123_DATE_TIME.format(
                        ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(1)));
            case 2 -> Optional.empty();
            default -> Optional.of("garbage");
          };
      return new Reply(429, retryAfter);
    }
  }
}
