package io.scrapestream.sink.consume;

import static org.assertj.core.api.Assertions.assertThat;

import io.scrapestream.sink.bisect.BisectResult;
import java.time.Duration;
import java.util.concurrent.FutureTask;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Each wait is a minute long: a test that returns did not wait it out (the timeout is 10 s). */
@Timeout(10)
class ExportSignalTest {
  private static final Duration MINUTE = Duration.ofMinutes(1);

  private final ExportSignal signal = new ExportSignal();

  @Test
  void shouldReturnAtOnceWhenRaisedBeforeTheWait() {
    signal.raise();

    assertThat(signal.await(MINUTE)).isTrue();
    assertThat(signal.await(Duration.ZERO)).isFalse();
  }

  @Test
  void shouldForgetEarlierRaisesWhenCleared() {
    signal.raise();
    signal.raise();

    signal.clear();

    assertThat(signal.await(Duration.ZERO)).isFalse();
  }

  @Test
  void shouldRaiseOnlyOnceTheExportHasEndedWhenRunAsAFuture() {
    FutureTask<BisectResult> export = signal.raisingWhenDone(BisectResult::nothingToSend);

    assertThat(signal.await(Duration.ZERO)).isFalse();
    export.run();

    assertThat(signal.await(MINUTE)).isTrue();
    assertThat(export.isDone()).isTrue();
  }

  @Test
  void shouldRaiseWhenTheExportFailed() {
    FutureTask<BisectResult> export =
        signal.raisingWhenDone(
            () -> {
              throw new IllegalStateException("exporter bug");
            });

    export.run();

    assertThat(signal.await(MINUTE)).isTrue();
    assertThat(export.isDone()).isTrue();
  }
}
