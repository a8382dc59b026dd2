package io.scrapestream.it.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.scrapestream.testsupport.faults.RemoteWriteEndpoint;
import io.scrapestream.testsupport.faults.SampleKeyer;
import io.scrapestream.testsupport.faults.SequenceTargets;
import io.scrapestream.testsupport.faults.Tally;
import io.scrapestream.testsupport.faults.WriteRequestLedger;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;

/**
 * What every fault scenario sets up: the sequence targets, the counting proxy in front of the real
 * backend, and the pipeline between them (its sink not yet started).
 */
final class FaultRig implements AutoCloseable {
  private static final Duration FIRST_SAMPLES = Duration.ofSeconds(90);
  private static final Duration SETTLE = Duration.ofSeconds(90);
  private static final Duration MAX_DELAY = Duration.ofMillis(200);

  /** How many targets of how many series, and the sink's batch bound. */
  record Shape(int targets, int series, int maxSamples) {
    Shape {
      if (targets < 1 || series < 1 || maxSamples < 1) {
        throw new IllegalArgumentException(
            "targets, series and maxSamples must be >= 1. Found: "
                + targets
                + ", "
                + series
                + ", "
                + maxSamples);
      }
    }
  }

  private final SequenceTargets targets;
  private final RemoteWriteEndpoint proxy;
  private final FaultPipeline pipeline;

  private FaultRig(SequenceTargets targets, RemoteWriteEndpoint proxy, FaultPipeline pipeline) {
    this.targets = targets;
    this.proxy = proxy;
    this.pipeline = pipeline;
  }

  /** Starts targets, proxy and pipeline ({@code name}: topic prefix and ids, [a-z0-9-]+). */
  static FaultRig start(String name, String bootstrap, URI backend, Shape shape, Path dir)
      throws Exception {
    SequenceTargets targets = SequenceTargets.start(shape.targets(), shape.series());
    RemoteWriteEndpoint proxy = RemoteWriteEndpoint.proxy(backend, SampleKeyer.SEQUENCE);
    try {
      PipelineSpec spec =
          new PipelineSpec(
              name, bootstrap, targets.addresses(), proxy.url(), shape.maxSamples(), MAX_DELAY);
      return new FaultRig(targets, proxy, FaultPipeline.start(spec, dir));
    } catch (Exception | Error e) {
      proxy.close();
      targets.close();
      throw e;
    }
  }

  SequenceTargets targets() {
    return targets;
  }

  RemoteWriteEndpoint proxy() {
    return proxy;
  }

  FaultPipeline pipeline() {
    return pipeline;
  }

  WriteRequestLedger ledger() {
    return proxy.ledger();
  }

  /** Waits until the backend stored the first {@code seq} samples. */
  void awaitFirstSamples() {
    assertThat(Deliveries.awaitTrue(() -> ledger().distinct() > 0, FIRST_SAMPLES))
        .as("first samples stored within " + FIRST_SAMPLES)
        .isTrue();
  }

  /**
   * Takes every sample served so far as expected and waits (up to 90 s) until the backend stored
   * them all; returns them.
   */
  Set<String> settle() {
    Set<String> expected = targets.expectedKeys();
    Deliveries.awaitAll(expected, ledger(), SETTLE);
    return expected;
  }

  /** The tally of {@code expected} ({@link Deliveries#tally}). */
  Tally tally(String scenario, Set<String> expected, double recoverySeconds) {
    return Deliveries.tally(scenario, expected, ledger(), targets, recoverySeconds);
  }

  @Override
  public void close() {
    try {
      pipeline.close();
    } finally {
      proxy.close();
      targets.close();
    }
  }
}
