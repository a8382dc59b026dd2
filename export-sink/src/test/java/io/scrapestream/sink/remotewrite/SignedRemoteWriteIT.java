package io.scrapestream.sink.remotewrite;

import static io.scrapestream.sink.ScrapeBatchBuilder.batch;
import static org.assertj.core.api.Assertions.assertThat;

import io.scrapestream.sink.ExportOutcome;
import io.scrapestream.sink.SinkListener;
import io.scrapestream.sink.retry.RetryPolicy;
import io.scrapestream.sink.retry.RetryTiming;
import io.scrapestream.sink.retry.RetryingExporter;
import io.scrapestream.sink.sigv4.SigV4Signer;
import java.net.http.HttpClient;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/** Every attempt of a retried export is signed anew, inside the attempt. */
@Timeout(60)
class SignedRemoteWriteIT {

  @Test
  void shouldSignEachAttemptWithItsOwnDateWhenExportIsRetried() throws Exception {
    try (LoopbackReceiver receiver =
        new LoopbackReceiver(
            new LoopbackReceiver.Reply(503, Map.of()), new LoopbackReceiver.Reply(204, Map.of()))) {
      RetryingExporter exporter =
          new RetryingExporter(
              signed(receiver),
              new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(1), 1.0, 0.0),
              SinkListener.NO_OP,
              new RetryTiming(Clock.systemUTC(), duration -> {}, () -> 0.0));

      ExportOutcome outcome =
          exporter.export(List.of(batch("t1", 1000).sample(1, "__name__", "up").build()));

      assertThat(outcome).isEqualTo(new ExportOutcome.Success(1));
      List<LoopbackReceiver.Received> attempts = receiver.received();
      assertThat(attempts).hasSize(2);
      assertThat(attempts)
          .extracting(a -> a.headers().getFirst("X-Amz-Date"))
          .containsExactly("20240301T120000Z", "20240301T120001Z");
      String first = attempts.get(0).headers().getFirst("Authorization");
      String second = attempts.get(1).headers().getFirst("Authorization");
      assertThat(first)
          .startsWith(
              "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20240301/eu-west-1/aps/aws4_request,"
                  + " SignedHeaders=content-encoding;content-type;host;x-amz-content-sha256;"
                  + "x-amz-date;x-prometheus-remote-write-version, Signature=");
      assertThat(second).isNotEqualTo(first);
      assertThat(attempts.get(1).headers().getFirst("x-amz-content-sha256"))
          .isEqualTo(
              HexFormat.of()
                  .formatHex(MessageDigest.getInstance("SHA-256").digest(attempts.get(1).body())));
    }
  }

  private static RemoteWriteExporter signed(LoopbackReceiver receiver) {
    AtomicLong seconds = new AtomicLong();
    Instant start = Instant.parse("2024-03-01T12:00:00Z");
    Clock ticking =
        new Clock() {
          @Override
          public ZoneId getZone() {
            return ZoneOffset.UTC;
          }

          @Override
          public Clock withZone(ZoneId zone) {
            return this;
          }

          @Override
          public Instant instant() {
            return start.plusSeconds(seconds.getAndIncrement());
          }
        };
    SigV4Signer signer =
        new SigV4Signer(
            StaticCredentialsProvider.create(
                AwsBasicCredentials.create(
                    "AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY")),
            new SigV4Signer.Scope("eu-west-1", "aps"),
            ticking);
    RemoteWriteEndpoint endpoint =
        new RemoteWriteEndpoint("amp", receiver.url(), Duration.ofSeconds(5), Map.of(), false);
    return new RemoteWriteExporter(
        endpoint,
        new RemoteWriteExporter.Collaborators(
            HttpClient.newHttpClient(), Clock.systemUTC(), signer, SinkListener.NO_OP));
  }
}
