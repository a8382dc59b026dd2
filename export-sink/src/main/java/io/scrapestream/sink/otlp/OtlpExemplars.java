package io.scrapestream.sink.otlp;

import com.google.protobuf.ByteString;
import io.opentelemetry.proto.metrics.v1.Exemplar;
import io.scrapestream.schemas.v1.ScrapeBatch;
import io.scrapestream.schemas.v1.Series;
import io.scrapestream.sink.series.SeriesDecoder;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;

/**
 * Prometheus exemplars as OTLP exemplars: valid {@code trace_id} (32 hex digits) and {@code
 * span_id} (16 hex digits) labels become the trace and span ids, every other label a filtered
 * attribute; the exemplar's own timestamp, else its sample's.
 */
final class OtlpExemplars {
  private static final HexFormat HEX = HexFormat.of();

  private OtlpExemplars() {}

  static List<Exemplar> of(ScrapeBatch batch, Series series, long sampleTimestampMs) {
    return series.getExemplarsList().stream()
        .map(exemplar -> of(batch, exemplar, sampleTimestampMs))
        .toList();
  }

  private static Exemplar of(
      ScrapeBatch batch, io.scrapestream.schemas.v1.Exemplar exemplar, long sampleTimestampMs) {
    SortedMap<String, String> labels = SeriesDecoder.labels(batch, exemplar.getLabelRefsList());
    long timestampMs = exemplar.hasTimestampMs() ? exemplar.getTimestampMs() : sampleTimestampMs;
    Exemplar.Builder otlp =
        Exemplar.newBuilder()
            .setTimeUnixNano(timestampMs * 1_000_000L)
            .setAsDouble(Double.longBitsToDouble(exemplar.getValueBits()));
    Optional<ByteString> traceId = id(labels.get("trace_id"), 16);
    Optional<ByteString> spanId = id(labels.get("span_id"), 8);
    traceId.ifPresent(
        id -> {
          otlp.setTraceId(id);
          labels.remove("trace_id");
        });
    spanId.ifPresent(
        id -> {
          otlp.setSpanId(id);
          labels.remove("span_id");
        });
    return otlp.addAllFilteredAttributes(KeyValues.strings(labels)).build();
  }

  /** The id when {@code hex} is {@code bytes * 2} hex digits, not all zero. */
  private static Optional<ByteString> id(String hex, int bytes) {
    if (hex == null || hex.length() != bytes * 2) {
      return Optional.empty();
    }
    try {
      byte[] id = HEX.parseHex(hex);
      for (byte b : id) {
        if (b != 0) {
          return Optional.of(ByteString.copyFrom(id));
        }
      }
      return Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
