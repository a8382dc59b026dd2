package io.scrapestream.sink.remotewrite;

import static io.scrapestream.sink.ScrapeBatchBuilder.batch;
import static org.assertj.core.api.Assertions.assertThat;

import io.scrapestream.schemas.prompb.WriteRequest;
import io.scrapestream.schemas.prompb.v2.Request;
import io.scrapestream.schemas.v1.ScrapeBatch;
import io.scrapestream.sink.ExportOutcome;
import io.scrapestream.sink.RequestSigner;
import io.scrapestream.sink.SinkListener;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.xerial.snappy.Snappy;

/** Remote write 2.0 on the wire: its headers, the 415 fallback and the written counts. */
@Timeout(60)
class RemoteWriteV2WireIT {
  private static final List<ScrapeBatch> BATCHES =
      List.of(batch("t1", 1000).sample(1.5, "__name__", "up", "job", "j").build());

  @Test
  void shouldResendAs1AndStayOn1WhenReceiverAnswers415() throws Exception {
    try (LoopbackReceiver receiver =
        new LoopbackReceiver(
            new LoopbackReceiver.Reply(415, Map.of()), new LoopbackReceiver.Reply(204, Map.of()))) {
      RemoteWriteExporter exporter = exporter(receiver, SinkListener.NO_OP);

      ExportOutcome first = exporter.export(BATCHES);
      ExportOutcome second = exporter.export(BATCHES);

      assertThat(List.of(first, second))
          .containsExactly(new ExportOutcome.Success(1), new ExportOutcome.Success(1));
      List<LoopbackReceiver.Received> received = receiver.received();
      assertThat(received).hasSize(3);
      assertV2(received.get(0));
      assertV1(received.get(1));
      assertV1(received.get(2));
      assertThat(exporter.version()).isEqualTo(RemoteWriteVersion.V1);
    }
  }

  @Test
  void shouldResendAs1WhenReceiverAnswers2xxWithoutWrittenHeaders() throws Exception {
    try (LoopbackReceiver receiver = new LoopbackReceiver()) {
      RemoteWriteExporter exporter = exporter(receiver, SinkListener.NO_OP);

      assertThat(exporter.export(BATCHES)).isEqualTo(new ExportOutcome.Success(1));

      assertThat(receiver.received()).hasSize(2);
      assertV2(receiver.received().get(0));
      assertV1(receiver.received().get(1));
    }
  }

  @Test
  void shouldReportWrittenCountsAndStayOn2WhenReceiverConfirms() throws Exception {
    List<String> heard = new ArrayList<>();
    SinkListener listener =
        new SinkListener() {
          @Override
          public void exported(String backend, long samples, Duration elapsed) {}

          @Override
          public void failed(String backend, String outcomeClass) {}

          @Override
          public void written(String backend, long samples, long histograms, long exemplars) {
            heard.add(backend + " " + samples + " " + histograms + " " + exemplars);
          }
        };
    Map<String, String> confirmed =
        Map.of(
            WrittenCounts.SAMPLES_HEADER, "1",
            WrittenCounts.EXEMPLARS_HEADER, "0");
    try (LoopbackReceiver receiver =
        new LoopbackReceiver(new LoopbackReceiver.Reply(204, confirmed))) {
      RemoteWriteExporter exporter = exporter(receiver, listener);

      assertThat(exporter.export(BATCHES)).isEqualTo(new ExportOutcome.Success(1));

      assertThat(receiver.received()).hasSize(1);
      assertV2(receiver.received().get(0));
      assertThat(heard).containsExactly("rw2 1 0 0");
      assertThat(exporter.version()).isEqualTo(RemoteWriteVersion.V2);
    }
  }

  @Test
  void shouldNotFallBackWhenReceiverRejectsWith400() throws Exception {
    try (LoopbackReceiver receiver =
        new LoopbackReceiver(new LoopbackReceiver.Reply(400, Map.of()))) {
      RemoteWriteExporter exporter = exporter(receiver, SinkListener.NO_OP);

      assertThat(exporter.export(BATCHES))
          .isEqualTo(new ExportOutcome.Rejected("server returned HTTP status 400: refused", 400));
      assertThat(receiver.received()).hasSize(1);
      assertThat(exporter.version()).isEqualTo(RemoteWriteVersion.V2);
    }
  }

  private static RemoteWriteExporter exporter(LoopbackReceiver receiver, SinkListener listener) {
    RemoteWriteEndpoint endpoint =
        new RemoteWriteEndpoint(
            "rw2",
            receiver.url(),
            Duration.ofSeconds(5),
            Map.of(),
            false,
            false,
            RemoteWriteVersion.V2);
    return new RemoteWriteExporter(
        endpoint,
        new RemoteWriteExporter.Collaborators(
            HttpClient.newHttpClient(), Clock.systemUTC(), RequestSigner.NONE, listener));
  }

  private static void assertV2(LoopbackReceiver.Received request) throws Exception {
    assertThat(request.headers().getFirst("Content-Type"))
        .isEqualTo("application/x-protobuf;proto=io.prometheus.write.v2.Request");
    assertThat(request.headers().getFirst("X-Prometheus-Remote-Write-Version")).isEqualTo("2.0.0");
    assertThat(request.headers().getFirst("Content-Encoding")).isEqualTo("snappy");
    assertThat(Request.parseFrom(Snappy.uncompress(request.body())))
        .isEqualTo(V2RequestConverter.convert(BATCHES, false, false).request());
  }

  private static void assertV1(LoopbackReceiver.Received request) throws Exception {
    assertThat(request.headers().getFirst("Content-Type")).isEqualTo("application/x-protobuf");
    assertThat(request.headers().getFirst("X-Prometheus-Remote-Write-Version")).isEqualTo("0.1.0");
    assertThat(WriteRequest.parseFrom(Snappy.uncompress(request.body())))
        .isEqualTo(WriteRequestConverter.convert(BATCHES, false, false).request());
  }
}
