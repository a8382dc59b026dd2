package io.scrapestream.sink.elasticsearch;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.scrapestream.core.batch.BatchRecords;
import io.scrapestream.schemas.v1.Attribute;
import io.scrapestream.schemas.v1.ScrapeBatch;
import io.scrapestream.schemas.v1.Series;
import io.scrapestream.sink.DropReason;
import io.scrapestream.sink.series.InvalidBatchException;
import io.scrapestream.sink.series.SeriesDecoder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The NDJSON of a {@code _bulk} request: one {@code create} action and one document per float
 * sample (see the export-sink README for the document shape). Stale markers, NaN and infinities and
 * native histogram samples are left out and counted by reason. Pure: no I/O.
 */
public final class BulkDocuments {
  private static final JsonFactory JSON = JsonFactory.builder().build();
  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSX").withZone(ZoneOffset.UTC);
  private static final String METRIC_NAME = "__name__";

  private BulkDocuments() {}

  /**
   * One document: its action and source lines, each ending in a newline.
   *
   * @param batchIndex the index, in the exported list, of the batch the sample came from
   * @param id the document's {@code _id}, or empty when the cluster chooses it
   */
  public record Document(int batchIndex, String id, byte[] lines) {
    /** The two lines as text. */
    public String ndjson() {
      return new String(lines, StandardCharsets.UTF_8);
    }
  }

  /** The documents, in sample order, and the samples left out by reason. */
  public record Encoded(List<Document> documents, Map<DropReason, Long> dropped) {
    public Encoded {
      documents = List.copyOf(documents);
      dropped = DropReason.ordered(dropped);
    }
  }

  /**
   * @param index the index or data stream named in every action
   * @param hashIds whether to give each document a content-hash {@code _id}
   * @throws InvalidBatchException when a batch breaks its record contract
   */
  public static Encoded encode(List<ScrapeBatch> batches, String index, boolean hashIds) {
    List<Document> documents = new ArrayList<>();
    Map<DropReason, Long> dropped = new EnumMap<>(DropReason.class);
    for (int b = 0; b < batches.size(); b++) {
      ScrapeBatch batch = batches.get(b);
      SortedMap<String, String> resource = resource(batch);
      for (int s = 0; s < batch.getSeriesCount(); s++) {
        Series series = batch.getSeries(s);
        DropReason skip = skipReason(series);
        if (skip != null) {
          dropped.merge(skip, 1L, Long::sum);
          continue;
        }
        SortedMap<String, String> labels = labelsWithName(batch, s);
        long timestampMs = SeriesDecoder.timestampMs(batch, series);
        String id = hashIds ? documentId(labels, timestampMs) : "";
        byte[] lines = lines(index, id, labels, timestampMs, series.getValueBits(), resource);
        documents.add(new Document(b, id, lines));
      }
    }
    return new Encoded(documents, dropped);
  }

  /** The request body: the documents' lines, in order. */
  public static byte[] body(List<Document> documents) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    documents.forEach(document -> body.writeBytes(document.lines()));
    return body.toByteArray();
  }

  /**
   * The hex of the first 128 bits of SHA-256 over the labels (including {@code __name__}, sorted by
   * name, each name and value length-prefixed UTF-8) and the timestamp (8 bytes, big-endian): the
   * same sample always gets the same {@code _id}.
   */
  static String documentId(SortedMap<String, String> labels, long timestampMs) {
    MessageDigest digest = sha256();
    for (Map.Entry<String, String> label : labels.entrySet()) {
      update(digest, label.getKey());
      update(digest, label.getValue());
    }
    digest.update(ByteBuffer.allocate(Long.BYTES).putLong(timestampMs).array());
    byte[] hash = digest.digest();
    StringBuilder hex = new StringBuilder(32);
    for (int i = 0; i < 16; i++) {
      hex.append(Character.forDigit((hash[i] >> 4) & 0xf, 16))
          .append(Character.forDigit(hash[i] & 0xf, 16));
    }
    return hex.toString();
  }

  private static DropReason skipReason(Series series) {
    if (series.hasHistogram()) {
      return DropReason.NATIVE_HISTOGRAM;
    }
    if (BatchRecords.isStaleMarker(series.getValueBits())) {
      return DropReason.STALE_MARKER;
    }
    return Double.isFinite(Double.longBitsToDouble(series.getValueBits()))
        ? null
        : DropReason.NON_FINITE;
  }

  private static byte[] lines(
      String index,
      String id,
      SortedMap<String, String> labels,
      long timestampMs,
      long valueBits,
      SortedMap<String, String> resource) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonGenerator json = JSON.createGenerator(out)) {
      json.setRootValueSeparator(null);
      json.writeStartObject();
      json.writeObjectFieldStart("create");
      json.writeStringField("_index", index);
      if (!id.isEmpty()) {
        json.writeStringField("_id", id);
      }
      json.writeEndObject();
      json.writeEndObject();
      json.writeRaw('\n');
      writeSource(json, labels, timestampMs, valueBits, resource);
      json.writeRaw('\n');
    } catch (IOException e) {
      throw new UncheckedIOException("writing JSON to memory failed", e);
    }
    return out.toByteArray();
  }

  private static void writeSource(
      JsonGenerator json,
      SortedMap<String, String> labels,
      long timestampMs,
      long valueBits,
      SortedMap<String, String> resource)
      throws IOException {
    json.writeStartObject();
    json.writeStringField("@timestamp", TIMESTAMP.format(Instant.ofEpochMilli(timestampMs)));
    json.writeObjectFieldStart("metric");
    json.writeStringField("name", labels.get(METRIC_NAME));
    json.writeEndObject();
    SortedMap<String, String> withoutName = new TreeMap<>(labels);
    withoutName.remove(METRIC_NAME);
    writeStrings(json, "labels", withoutName);
    json.writeNumberField("value", Double.longBitsToDouble(valueBits));
    if (!resource.isEmpty()) {
      json.writeObjectFieldStart("resource");
      writeStrings(json, "attributes", resource);
      json.writeEndObject();
    }
    json.writeEndObject();
  }

  private static void writeStrings(JsonGenerator json, String field, Map<String, String> entries)
      throws IOException {
    json.writeObjectFieldStart(field);
    for (Map.Entry<String, String> entry : entries.entrySet()) {
      json.writeStringField(entry.getKey(), entry.getValue());
    }
    json.writeEndObject();
  }

  private static SortedMap<String, String> labelsWithName(ScrapeBatch batch, int index) {
    SortedMap<String, String> labels =
        SeriesDecoder.labels(batch, batch.getSeries(index).getLabelRefsList());
    if (!labels.containsKey(METRIC_NAME)) {
      throw SeriesDecoder.invalid(
          batch, "series " + index + ": labels must include __name__. Found: " + labels);
    }
    return labels;
  }

  /** The batch's resource attributes sorted by key; a repeated key keeps its last value. */
  private static SortedMap<String, String> resource(ScrapeBatch batch) {
    SortedMap<String, String> resource = new TreeMap<>();
    for (Attribute attribute : batch.getResourceAttributesList()) {
      resource.put(attribute.getKey(), attribute.getValue());
    }
    return resource;
  }

  private static void update(MessageDigest digest, String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    digest.update(ByteBuffer.allocate(Integer.BYTES).putInt(bytes.length).array());
    digest.update(bytes);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime must provide SHA-256", e);
    }
  }
}
