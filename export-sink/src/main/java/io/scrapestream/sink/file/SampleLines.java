package io.scrapestream.sink.file;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.scrapestream.schemas.v1.Attribute;
import io.scrapestream.schemas.v1.ScrapeBatch;
import io.scrapestream.schemas.v1.Series;
import io.scrapestream.sink.series.InvalidBatchException;
import io.scrapestream.sink.series.SeriesDecoder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One JSON line per float sample:
 *
 * <pre>{@code
 * {"timestamp_ms":1700000000000,"labels":{"__name__":"up","job":"j"},"value":1.0,
 *  "value_bits":"3ff0000000000000","resource":{"k8s.pod.name":"p"}}
 * }</pre>
 *
 * Labels sorted by name, without empty values; {@code value} a JSON number when finite, else {@code
 * "NaN"}, {@code "+Inf"} or {@code "-Inf"}; {@code value_bits} the raw IEEE-754 bits in 16 hex
 * digits (a stale marker shows as {@code 7ff0000000000002}); {@code resource} only when the batch
 * has resource attributes. Native histogram samples are not written.
 */
final class SampleLines {
  private static final JsonFactory JSON = JsonFactory.builder().build();

  private SampleLines() {}

  /** UTF-8 lines and how many samples they hold. */
  record Encoded(byte[] bytes, long samples) {}

  /**
   * @throws InvalidBatchException when a batch breaks its record contract
   */
  static Encoded encode(List<ScrapeBatch> batches) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    long samples = 0;
    try (JsonGenerator json = JSON.createGenerator(out)) {
      json.setRootValueSeparator(null);
      for (ScrapeBatch batch : batches) {
        Map<String, String> resource = resource(batch);
        for (Series series : batch.getSeriesList()) {
          if (!series.hasHistogram()) {
            writeLine(json, batch, series, resource);
            samples++;
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("writing JSON to memory failed", e);
    }
    return new Encoded(out.toByteArray(), samples);
  }

  private static void writeLine(
      JsonGenerator json, ScrapeBatch batch, Series series, Map<String, String> resource)
      throws IOException {
    SortedMap<String, String> labels = SeriesDecoder.labels(batch, series.getLabelRefsList());
    json.writeStartObject();
    json.writeNumberField("timestamp_ms", SeriesDecoder.timestampMs(batch, series));
    writeMap(json, "labels", labels);
    writeValue(json, series.getValueBits());
    json.writeStringField("value_bits", String.format("%016x", series.getValueBits()));
    if (!resource.isEmpty()) {
      writeMap(json, "resource", resource);
    }
    json.writeEndObject();
    json.writeRaw('\n');
  }

  private static void writeValue(JsonGenerator json, long bits) throws IOException {
    double value = Double.longBitsToDouble(bits);
    json.writeFieldName("value");
    if (Double.isNaN(value)) {
      json.writeString("NaN");
    } else if (Double.isInfinite(value)) {
      json.writeString(value > 0 ? "+Inf" : "-Inf");
    } else {
      json.writeNumber(value);
    }
  }

  private static void writeMap(JsonGenerator json, String field, Map<String, String> entries)
      throws IOException {
    json.writeObjectFieldStart(field);
    for (Map.Entry<String, String> entry : entries.entrySet()) {
      json.writeStringField(entry.getKey(), entry.getValue());
    }
    json.writeEndObject();
  }

  /** The batch's resource attributes sorted by key; a repeated key keeps its last value. */
  private static Map<String, String> resource(ScrapeBatch batch) {
    SortedMap<String, String> resource = new TreeMap<>();
    for (Attribute attribute : batch.getResourceAttributesList()) {
      resource.put(attribute.getKey(), attribute.getValue());
    }
    return resource;
  }
}
