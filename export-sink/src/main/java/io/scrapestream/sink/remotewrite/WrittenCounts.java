package io.scrapestream.sink.remotewrite;

import java.net.http.HttpHeaders;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What a remote write 2.0 receiver says it wrote, from its {@code
 * X-Prometheus-Remote-Write-*-Written} response headers; a header that is absent counts 0.
 */
public record WrittenCounts(long samples, long histograms, long exemplars) {
  public static final String SAMPLES_HEADER = "X-Prometheus-Remote-Write-Samples-Written";
  public static final String HISTOGRAMS_HEADER = "X-Prometheus-Remote-Write-Histograms-Written";
  public static final String EXEMPLARS_HEADER = "X-Prometheus-Remote-Write-Exemplars-Written";

  public WrittenCounts {
    if (samples < 0 || histograms < 0 || exemplars < 0) {
      throw new IllegalArgumentException(
          "counts: must be >= 0. Found: " + samples + ", " + histograms + ", " + exemplars);
    }
  }

  /**
   * The counts of a response, empty when it has none of the three headers. A value that is not a
   * non-negative 64-bit integer counts as absent.
   */
  public static Optional<WrittenCounts> from(HttpHeaders headers) {
    OptionalLong samples = count(headers, SAMPLES_HEADER);
    OptionalLong histograms = count(headers, HISTOGRAMS_HEADER);
    OptionalLong exemplars = count(headers, EXEMPLARS_HEADER);
    if (samples.isEmpty() && histograms.isEmpty() && exemplars.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new WrittenCounts(samples.orElse(0), histograms.orElse(0), exemplars.orElse(0)));
  }

  private static OptionalLong count(HttpHeaders headers, String name) {
    Optional<String> value = headers.firstValue(name);
    if (value.isEmpty()) {
      return OptionalLong.empty();
    }
    try {
      long count = Long.parseLong(value.get().trim());
      return count < 0 ? OptionalLong.empty() : OptionalLong.of(count);
    } catch (NumberFormatException e) {
      return OptionalLong.empty();
    }
  }
}
