package io.scrapestream.sink.otlp;

import io.opentelemetry.proto.common.v1.InstrumentationScope;
import io.scrapestream.sink.series.SeriesDecoder;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The instrumentation scope of a data point. Labels prefixed {@code otel_scope_} name it ({@code
 * otel_scope_name}, {@code otel_scope_version}, {@code otel_scope_schema_url}, any other becomes a
 * scope attribute without the prefix) and are taken off the data point; a series without any is in
 * the scope of this exporter, as the specification requires.
 */
record OtlpScope(InstrumentationScope scope, String schemaUrl) {
  static final String PREFIX = "otel_scope_";

  /** The scope of series that name none: this exporter. */
  static final OtlpScope EXPORTER =
      new OtlpScope(
          InstrumentationScope.newBuilder()
              .setName("io.scrapestream.sink.otlp")
              .setVersion(OtlpProtocol.MODULE_VERSION)
              .build(),
          "");

  /** A series' scope and its labels without the scope labels. */
  record Split(OtlpScope scope, SortedMap<String, String> labels) {}

  static Split split(SortedMap<String, String> labels) {
    if (labels.keySet().stream().noneMatch(name -> name.startsWith(PREFIX))) {
      return new Split(EXPORTER, labels);
    }
    SortedMap<String, String> rest = new TreeMap<>(SeriesDecoder.LABEL_NAME_ORDER);
    SortedMap<String, String> attributes = new TreeMap<>(SeriesDecoder.LABEL_NAME_ORDER);
    InstrumentationScope.Builder scope = InstrumentationScope.newBuilder();
    String schemaUrl = "";
    for (Map.Entry<String, String> label : labels.entrySet()) {
      String name = label.getKey();
      if (!name.startsWith(PREFIX)) {
        rest.put(name, label.getValue());
        continue;
      }
      switch (name.substring(PREFIX.length())) {
        case "name" -> scope.setName(label.getValue());
        case "version" -> scope.setVersion(label.getValue());
        case "schema_url" -> schemaUrl = label.getValue();
        default -> attributes.put(name.substring(PREFIX.length()), label.getValue());
      }
    }
    scope.addAllAttributes(KeyValues.strings(attributes));
    return new Split(new OtlpScope(scope.build(), schemaUrl), rest);
  }
}
