package io.scrapestream.sink.otlp;

import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import java.util.List;
import java.util.Map;

/** OTLP attributes from Prometheus labels and scrape facts. */
final class KeyValues {
  private KeyValues() {}

  static KeyValue string(String key, String value) {
    return KeyValue.newBuilder()
        .setKey(key)
        .setValue(AnyValue.newBuilder().setStringValue(value))
        .build();
  }

  static KeyValue integer(String key, long value) {
    return KeyValue.newBuilder()
        .setKey(key)
        .setValue(AnyValue.newBuilder().setIntValue(value))
        .build();
  }

  /** String attributes in the map's order. */
  static List<KeyValue> strings(Map<String, String> labels) {
    return labels.entrySet().stream().map(e -> string(e.getKey(), e.getValue())).toList();
  }
}
