package io.scrapestream.enrich;

import io.scrapestream.enrich.topology.DeadLetterReason;
import io.scrapestream.enrich.topology.EnrichListener;
import io.scrapestream.enrich.topology.TransformOutcome;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Remembers every call, as text, in order. */
public final class RecordingListener implements EnrichListener {
  public final List<String> calls = new ArrayList<>();

  @Override
  public synchronized void batchWritten(int samples) {
    calls.add("batchWritten " + samples);
  }

  @Override
  public synchronized void kubernetesLookup(boolean hit) {
    calls.add(hit ? "kubernetes hit" : "kubernetes miss");
  }

  @Override
  public synchronized void staleMarkers(int count) {
    calls.add("staleMarkers " + count);
  }

  @Override
  public synchronized void deadLettered(DeadLetterReason reason) {
    calls.add("deadLettered " + reason.label());
  }

  @Override
  public synchronized void transformed(String backend, TransformOutcome outcome, int samples) {
    calls.add("transformed " + backend + " " + outcome.label() + " " + samples);
  }

  @Override
  public synchronized void punctuated(Duration lag, int goneTargets) {
    calls.add("punctuated lag=" + lag.toMillis() + "ms gone=" + goneTargets);
  }
}
