package io.scrapestream.testsupport.faults;

import java.util.Map;
import java.util.Optional;

/**
 * The identity a {@link WriteRequestLedger} counts a stored sample under, or empty for a sample it
 * does not count (another metric, a stale marker).
 */
@FunctionalInterface
public interface SampleKeyer {
  /**
   * @param labels the series' labels, {@code __name__} included, sorted by name
   * @param timestampMs the sample's timestamp
   * @param value the sample's value
   */
  Optional<String> key(Map<String, String> labels, long timestampMs, double value);

  /**
   * The {@code seq} samples of {@link SequenceTargets}: {@link SequenceTargets#key} of their {@code
   * instance}, {@code series} and value; stale markers (NaN) and other metrics are not counted.
   */
  SampleKeyer SEQUENCE =
      (labels, timestampMs, value) ->
          "seq".equals(labels.get("__name__")) && !Double.isNaN(value)
              ? Optional.of(
                  SequenceTargets.key(labels.get("instance"), labels.get("series"), (long) value))
              : Optional.empty();
}
