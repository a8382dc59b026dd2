package io.scrapestream.ingest.parse;

import com.google.protobuf.Timestamp;
import io.scrapestream.schemas.clientmodel.Metrics.BucketSpan;
import io.scrapestream.schemas.clientmodel.Metrics.Exemplar;
import io.scrapestream.schemas.clientmodel.Metrics.LabelPair;
import io.scrapestream.schemas.clientmodel.Metrics.MetricFamily;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Builds protobuf exposition bodies for tests. */
final class ProtoBodies {

  private ProtoBodies() {}

  /** The families, each after its varint length. */
  static byte[] delimited(MetricFamily... families) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      for (MetricFamily f : families) {
        f.writeDelimitedTo(out);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** {@code bytes} after their varint length. */
  static byte[] delimited(byte[] bytes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int n = bytes.length;
    while (n >= 0x80) {
      out.write((n & 0x7f) | 0x80);
      n >>>= 7;
    }
    out.write(n);
    out.writeBytes(bytes);
    return out.toByteArray();
  }

  static LabelPair label(String name, String value) {
    return LabelPair.newBuilder().setName(name).setValue(value).build();
  }

  static Exemplar exemplar(String traceId, double value) {
    return Exemplar.newBuilder().addLabel(label("trace_id", traceId)).setValue(value).build();
  }

  static Exemplar exemplar(String traceId, double value, long seconds, int nanos) {
    return exemplar(traceId, value).toBuilder()
        .setTimestamp(Timestamp.newBuilder().setSeconds(seconds).setNanos(nanos))
        .build();
  }

  static BucketSpan span(int offset, int length) {
    return BucketSpan.newBuilder().setOffset(offset).setLength(length).build();
  }

  /** The index of the {@code n}-th (1-based) occurrence of {@code pattern} in {@code body}. */
  static int indexOf(byte[] body, byte[] pattern, int n) {
    int found = 0;
    for (int i = 0; i + pattern.length <= body.length; i++) {
      if (java.util.Arrays.equals(body, i, i + pattern.length, pattern, 0, pattern.length)
          && ++found == n) {
        return i;
      }
    }
    throw new IllegalArgumentException("pattern occurs fewer than " + n + " times");
  }
}
