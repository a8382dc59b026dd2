package io.scrapestream.sink.retry;

import static io.scrapestream.sink.ScrapeBatchBuilder.batch;
import static org.assertj.core.api.Assertions.assertThat;

import io.scrapestream.schemas.v1.ScrapeBatch;
import io.scrapestream.sink.ExportOutcome;
import io.scrapestream.sink.Exporter;
import io.scrapestream.sink.SinkListener;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetryingExporterTest {
  private static final List<ScrapeBatch> BATCHES =
      List.of(batch("t1", 1000).sample(1.0, "__name__", "up").build());
  private static final RetryPolicy POLICY =
      new RetryPolicy(4, Duration.ofMillis(100), Duration.ofSeconds(1), 2.0, 0.0);

  private final FakeClock clock = new FakeClock();
  private final List<Duration> sleeps = new ArrayList<>();
  private final List<String> events = new ArrayList<>();

  @Test
  void shouldReturnSuccessWithoutWaitingWhenFirstAttemptSucceeds() {
    ScriptedExporter delegate = new ScriptedExporter(new ExportOutcome.Success(1));
    List<String> told = new ArrayList<>();

    ExportOutcome outcome = retrying(delegate, POLICY).export(BATCHES, () -> told.add("retry"));

    assertThat(outcome).isEqualTo(new ExportOutcome.Success(1));
    assertThat(delegate.calls).isEqualTo(1);
    assertThat(sleeps).isEmpty();
    assertThat(told).isEmpty();
    assertThat(events).containsExactly("exported prom 1 PT0S");
  }

  @Test
  void shouldBackOffExponentiallyWhenOutcomesAreRetryable() {
    ScriptedExporter delegate =
        new ScriptedExporter(
            retryable("a"), retryable("b"), retryable("c"), new ExportOutcome.Success(1));

    ExportOutcome outcome = retrying(delegate, POLICY).export(BATCHES);

    assertThat(outcome).isEqualTo(new ExportOutcome.Success(1));
    assertThat(delegate.calls).isEqualTo(4);
    assertThat(sleeps)
        .containsExactly(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(400));
    assertThat(events)
        .containsExactly(
            "failed prom retryable",
            "failed prom retryable",
            "failed prom retryable",
            "exported prom 1 PT0.7S");
  }

  @Test
  void shouldTellTheWatcherOnceBeforeTheFirstWaitWhenOutcomesAreRetryable() {
    ScriptedExporter delegate =
        new ScriptedExporter(retryable("a"), retryable("b"), new ExportOutcome.Success(1));
    List<String> told = new ArrayList<>();

    retrying(delegate, POLICY)
        .export(BATCHES, () -> told.add("retrying after " + delegate.calls + " call(s)"));

    assertThat(told).containsExactly("retrying after 1 call(s)");
  }

  @Test
  void shouldReturnLastRetryableWhenAttemptsAreSpent() {
    ScriptedExporter delegate =
        new ScriptedExporter(retryable("a"), retryable("b"), retryable("c"), retryable("d"));

    ExportOutcome outcome = retrying(delegate, POLICY).export(BATCHES);

    assertThat(outcome).isEqualTo(retryable("d"));
    assertThat(delegate.calls).isEqualTo(4);
    assertThat(sleeps).hasSize(3);
  }

  @Test
  void shouldWaitRetryAfterCappedAtMaxBackoffWhenReceiverAsksForIt() {
    ScriptedExporter delegate =
        new ScriptedExporter(
            new ExportOutcome.Retryable("429", Optional.of(Duration.ofMillis(300))),
            new ExportOutcome.Retryable("429", Optional.of(Duration.ofMinutes(2))),
            new ExportOutcome.Success(1));

    retrying(delegate, POLICY).export(BATCHES);

    assertThat(sleeps).containsExactly(Duration.ofMillis(300), Duration.ofSeconds(1));
  }

  @Test
  void shouldReturnRejectedAtOnceWhenDelegateRejects() {
    ScriptedExporter delegate =
        new ScriptedExporter(new ExportOutcome.Rejected("bad", 400), new ExportOutcome.Success(1));

    ExportOutcome outcome = retrying(delegate, POLICY).export(BATCHES);

    assertThat(outcome).isEqualTo(new ExportOutcome.Rejected("bad", 400));
    assertThat(delegate.calls).isEqualTo(1);
    assertThat(sleeps).isEmpty();
    assertThat(events).containsExactly("failed prom rejected");
  }

  @Test
  void shouldReturnPartialRejectionAtOnceAndCountAcknowledgedSamplesWhenDelegatePartlyRejects() {
    ExportOutcome.PartiallyRejected partial =
        new ExportOutcome.PartiallyRejected(5, new java.util.TreeMap<>(java.util.Map.of(0, "bad")));
    ScriptedExporter delegate = new ScriptedExporter(partial);

    ExportOutcome outcome = retrying(delegate, POLICY).export(BATCHES);

    assertThat(outcome).isEqualTo(partial);
    assertThat(delegate.calls).isEqualTo(1);
    assertThat(sleeps).isEmpty();
    assertThat(events).containsExactly("exported prom 5 PT0S", "failed prom rejected");
  }

  @Test
  void shouldApplyJitterWhenPolicyHasSome() {
    RetryPolicy jittery = new RetryPolicy(2, Duration.ofMillis(100), Duration.ofSeconds(1), 2, 0.5);
    ScriptedExporter delegate = new ScriptedExporter(retryable("a"), new ExportOutcome.Success(1));
    RetryingExporter exporter =
        new RetryingExporter(
            delegate, jittery, listener(), new RetryTiming(clock, this::sleep, () -> 0.5));

    exporter.export(BATCHES);

    assertThat(sleeps).containsExactly(Duration.ofMillis(75));
  }

  @Test
  void shouldStopAndKeepInterruptFlagWhenInterruptedWhileWaiting() {
    ScriptedExporter delegate = new ScriptedExporter(retryable("a"), new ExportOutcome.Success(1));
    RetryingExporter exporter =
        new RetryingExporter(
            delegate,
            POLICY,
            listener(),
            new RetryTiming(
                clock,
                d -> {
                  throw new InterruptedException();
                },
                () -> 0.0));

    ExportOutcome outcome = exporter.export(BATCHES);

    assertThat(Thread.interrupted()).isTrue();
    assertThat(outcome)
        .isEqualTo(
            new ExportOutcome.Retryable(
                "interrupted while waiting to retry; last failure: a", Optional.empty()));
    assertThat(delegate.calls).isEqualTo(1);
  }

  @Test
  void shouldCloseDelegateAndTakeItsBackendName() {
    ScriptedExporter delegate = new ScriptedExporter();
    RetryingExporter exporter = retrying(delegate, POLICY);

    exporter.close();

    assertThat(delegate.closed).isTrue();
    assertThat(exporter.backend()).isEqualTo("prom");
  }

  private RetryingExporter retrying(Exporter delegate, RetryPolicy policy) {
    return new RetryingExporter(
        delegate, policy, listener(), new RetryTiming(clock, this::sleep, () -> 0.0));
  }

  private void sleep(Duration duration) {
    sleeps.add(duration);
    clock.now = clock.now.plus(duration);
  }

  private SinkListener listener() {
    return new SinkListener() {
      @Override
      public void exported(String backend, long samples, Duration elapsed) {
        events.add("exported " + backend + " " + samples + " " + elapsed);
      }

      @Override
      public void failed(String backend, String outcomeClass) {
        events.add("failed " + backend + " " + outcomeClass);
      }
    };
  }

  private static ExportOutcome.Retryable retryable(String reason) {
    return new ExportOutcome.Retryable(reason, Optional.empty());
  }

  /** Answers the scripted outcomes in order. */
  private static final class ScriptedExporter implements Exporter {
    private final Deque<ExportOutcome> outcomes;
    private int calls;
    private boolean closed;

    ScriptedExporter(ExportOutcome... outcomes) {
      this.outcomes = new ArrayDeque<>(List.of(outcomes));
    }

    @Override
    public ExportOutcome export(List<ScrapeBatch> batches) {
      assertThat(batches).isSameAs(BATCHES);
      calls++;
      return outcomes.removeFirst();
    }

    @Override
    public String backend() {
      return "prom";
    }

    @Override
    public void close() {
      closed = true;
    }
  }

  /** A clock that only the fake sleeper moves. */
  private static final class FakeClock extends Clock {
    private Instant now = Instant.parse("2024-01-01T00:00:00Z");

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
      return now;
    }
  }
}
