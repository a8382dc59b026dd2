package io.scrapestream.sink.bisect;

import static io.scrapestream.sink.ScrapeBatchBuilder.batch;
import static org.assertj.core.api.Assertions.assertThat;

import io.scrapestream.schemas.v1.ScrapeBatch;
import io.scrapestream.schemas.v1.Series;
import io.scrapestream.sink.ExportOutcome;
import io.scrapestream.sink.Exporter;
import io.scrapestream.sink.RecordingSinkListener;
import io.scrapestream.sink.ScrapeBatchBuilder;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BisectionTest {
  private static final double BAD = 666;

  private final RecordingSinkListener listener = new RecordingSinkListener();

  @Test
  void shouldDeliverEveryGoodSampleAndIsolateTheBadOneWhenOneSampleIsRefused() {
    List<ScrapeBatch> batches = List.of(batch(0, -1), batch(1, 42), batch(2, -1));
    MarkerBackend backend = new MarkerBackend(400);

    BisectResult result = bisection(backend, 100).export(whole(batches));

    assertThat(result.samples()).isEqualTo(299);
    assertThat(result.rejected())
        .containsExactly(
            new Rejection(new Piece(1, batches.get(1), 42, 43), "HTTP status 400: bad sample"));
    assertThat(result.finished()).isTrue();
    assertThat(backend.accepted).hasSize(299).doesNotHaveDuplicates();
    assertThat(result.requests()).isEqualTo(backend.requests).isEqualTo(19);
    assertThat(listener.events()).contains("bisected prom 18").startsWith("batchSize prom 300");
  }

  @Test
  void shouldRefuseEveryPieceAtOnceWhenTheStatusIsNotOneSplittingCanCure() {
    List<ScrapeBatch> batches = List.of(batch(0, 3), batch(1, -1));
    MarkerBackend backend = new MarkerBackend(401);

    BisectResult result = bisection(backend, 100).export(whole(batches));

    assertThat(result.samples()).isZero();
    assertThat(result.rejected()).extracting(r -> r.piece().index()).containsExactly(0, 1);
    assertThat(backend.requests).isEqualTo(1);
    assertThat(listener.events()).doesNotContain("bisected prom 0");
  }

  @Test
  void shouldStopSplittingAndRefuseWhatRemainsWhenTheRequestBudgetIsSpent() {
    List<ScrapeBatch> batches = List.of(batch(0, 10), batch(1, -1));
    MarkerBackend backend = new MarkerBackend(400);

    BisectResult result = bisection(backend, 3).export(whole(batches));

    assertThat(backend.requests).isEqualTo(3);
    assertThat(result.samples()).isEqualTo(100);
    assertThat(result.rejected())
        .containsExactly(
            new Rejection(Piece.whole(0, batches.get(0)), "HTTP status 400: bad sample"));
  }

  @Test
  void shouldReturnUnsentPiecesInOrderWhenTheBackendFailsTransiently() {
    List<ScrapeBatch> batches = List.of(batch(0, 5), batch(1, -1), batch(2, -1));
    ScriptedBackend backend =
        new ScriptedBackend(
            new ExportOutcome.Rejected("bad", 400),
            new ExportOutcome.Success(100),
            new ExportOutcome.Retryable("HTTP status 503", Optional.empty()));

    BisectResult result = bisection(backend, 100).export(whole(batches));

    assertThat(result.samples()).isEqualTo(100);
    assertThat(result.retry())
        .contains(new ExportOutcome.Retryable("HTTP status 503", Optional.empty()));
    assertThat(result.unsent()).extracting(Piece::index).containsExactly(1, 2);
    assertThat(backend.sent).containsExactly(List.of(0, 1, 2), List.of(0), List.of(1, 2));
  }

  @Test
  void shouldRefuseExactlyTheNamedPiecesWhenTheExportIsPartlyRejected() {
    List<ScrapeBatch> batches = List.of(batch(0, -1), batch(1, -1), batch(2, -1));
    ScriptedBackend backend =
        new ScriptedBackend(
            new ExportOutcome.PartiallyRejected(
                200, new TreeMap<>(Map.of(1, "status 400: mapping"))));

    BisectResult result = bisection(backend, 100).export(whole(batches));

    assertThat(result.samples()).isEqualTo(200);
    assertThat(result.rejected())
        .containsExactly(new Rejection(Piece.whole(1, batches.get(1)), "status 400: mapping"));
    assertThat(backend.sent).hasSize(1);
  }

  @Test
  void shouldSendNothingWhenThereIsNoPiece() {
    ScriptedBackend backend = new ScriptedBackend();

    assertThat(bisection(backend, 100).export(List.of())).isEqualTo(BisectResult.nothingToSend());
    assertThat(backend.sent).isEmpty();
  }

  @Test
  void shouldSplitSeriesIntoHalvesOfTheSameScrapeWhenAPieceIsHalved() {
    ScrapeBatch batch = batch(0, -1);

    List<Piece> halves = new Piece(4, batch, 10, 15).halves();

    assertThat(halves).containsExactly(new Piece(4, batch, 10, 12), new Piece(4, batch, 12, 15));
    ScrapeBatch part = halves.get(1).toBatch();
    assertThat(part.getSeriesList()).isEqualTo(batch.getSeriesList().subList(12, 15));
    assertThat(part.toBuilder().clearSeries().build())
        .isEqualTo(batch.toBuilder().clearSeries().build());
    assertThat(Piece.whole(0, batch).toBatch()).isSameAs(batch);
  }

  private Bisection bisection(Exporter backend, int maxRequests) {
    return new Bisection(backend, listener, maxRequests);
  }

  private static List<Piece> whole(List<ScrapeBatch> batches) {
    return IntStream.range(0, batches.size())
        .mapToObj(i -> Piece.whole(i, batches.get(i)))
        .toList();
  }

  /** 100 series of target {@code t<n>}; series {@code bad} (if >= 0) has the value {@link #BAD}. */
  private static ScrapeBatch batch(int n, int bad) {
    ScrapeBatchBuilder builder = ScrapeBatchBuilder.batch("t" + n, 1000);
    for (int i = 0; i < 100; i++) {
      builder.sample(i == bad ? BAD : i, "__name__", "m", "i", String.valueOf(i));
    }
    return builder.build();
  }

  /** Refuses with {@code status} any request that holds a sample of value {@link #BAD}. */
  private static final class MarkerBackend implements Exporter {
    private final int status;
    private final List<String> accepted = new ArrayList<>();
    private int requests;

    MarkerBackend(int status) {
      this.status = status;
    }

    @Override
    public ExportOutcome export(List<ScrapeBatch> batches) {
      requests++;
      for (ScrapeBatch b : batches) {
        for (Series series : b.getSeriesList()) {
          if (Double.longBitsToDouble(series.getValueBits()) == BAD) {
            return new ExportOutcome.Rejected("HTTP status " + status + ": bad sample", status);
          }
        }
      }
      long samples = 0;
      for (ScrapeBatch b : batches) {
        for (Series series : b.getSeriesList()) {
          accepted.add(
              b.getTarget().getKey() + "/" + Double.longBitsToDouble(series.getValueBits()));
          samples++;
        }
      }
      return new ExportOutcome.Success(samples);
    }

    @Override
    public String backend() {
      return "prom";
    }

    @Override
    public void close() {}
  }

  /** Answers scripted outcomes and records the target numbers of every request. */
  private static final class ScriptedBackend implements Exporter {
    private final Deque<ExportOutcome> outcomes;
    private final List<List<Integer>> sent = new ArrayList<>();

    ScriptedBackend(ExportOutcome... outcomes) {
      this.outcomes = new ArrayDeque<>(List.of(outcomes));
    }

    @Override
    public ExportOutcome export(List<ScrapeBatch> batches) {
      sent.add(
          batches.stream()
              .map(b -> Integer.parseInt(b.getTarget().getKey().substring(1)))
              .toList());
      return outcomes.removeFirst();
    }

    @Override
    public String backend() {
      return "prom";
    }

    @Override
    public void close() {}
  }
}
