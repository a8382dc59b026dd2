package io.scrapestream.testsupport.faults;

import io.scrapestream.schemas.prompb.Label;
import io.scrapestream.schemas.prompb.Sample;
import io.scrapestream.schemas.prompb.TimeSeries;
import io.scrapestream.schemas.prompb.WriteRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.xerial.snappy.Snappy;

/**
 * Counts the samples of the remote-write 1.0 requests a backend stored (snappy + prompb {@code
 * WriteRequest}): how often each key of a {@link SampleKeyer} was stored, so that lost and
 * duplicated samples are exact. Thread-safe; the caller records only the requests the backend
 * acknowledged.
 */
public final class WriteRequestLedger {
  private final SampleKeyer keyer;
  private final Map<String, Integer> counts = new ConcurrentHashMap<>();
  private final AtomicLong stored = new AtomicLong();

  public WriteRequestLedger(SampleKeyer keyer) {
    this.keyer = keyer;
  }

  /**
   * Decodes one request body and counts its keyed samples.
   *
   * @return the samples of the request that have a key
   * @throws UncheckedIOException when the body is not snappy-compressed
   */
  public int record(byte[] snappyBody) {
    WriteRequest request;
    try {
      request = WriteRequest.parseFrom(Snappy.uncompress(snappyBody));
    } catch (IOException e) {
      throw new UncheckedIOException(
          "expected a snappy-compressed WriteRequest. Found " + snappyBody.length + " bytes", e);
    }
    int keyed = 0;
    for (TimeSeries series : request.getTimeseriesList()) {
      Map<String, String> labels = new TreeMap<>();
      for (Label label : series.getLabelsList()) {
        labels.put(label.getName(), label.getValue());
      }
      for (Sample sample : series.getSamplesList()) {
        Optional<String> key = keyer.key(labels, sample.getTimestamp(), sample.getValue());
        if (key.isPresent()) {
          counts.merge(key.get(), 1, Integer::sum);
          keyed++;
        }
      }
    }
    stored.addAndGet(keyed);
    return keyed;
  }

  /** How often each key was stored. */
  public Map<String, Integer> counts() {
    return Map.copyOf(counts);
  }

  /** Whether {@code key} was stored at least once. */
  public boolean contains(String key) {
    return counts.containsKey(key);
  }

  /** Different keys stored, each counted once. */
  public int distinct() {
    return counts.size();
  }

  /** Keyed samples stored, duplicates included. */
  public long stored() {
    return stored.get();
  }
}
