package io.scrapestream.ingest.scrape;

import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.MessageLite;
import io.scrapestream.schemas.v1.ScrapeBatch;
import io.scrapestream.schemas.v1.ScrapeReport;
import io.scrapestream.schemas.v1.Target;

/**
 * Writes a whole {@code ScrapeBatch} from a scrape's {@link ScrapeBuffers}, without building its
 * message: the fields in field-number order, as the generated {@code writeTo} writes them, into one
 * array of the exact size (the record value). Parses to the batch the messages would make.
 */
final class BatchEncoding {
  private static final int TARGET = ScrapeBatch.TARGET_FIELD_NUMBER;
  private static final int TIMESTAMP = ScrapeBatch.TIMESTAMP_MS_FIELD_NUMBER;
  private static final int SYMBOLS = ScrapeBatch.SYMBOLS_FIELD_NUMBER;
  private static final int REPORT = ScrapeBatch.REPORT_FIELD_NUMBER;

  private BatchEncoding() {}

  /**
   * The batch: {@code target} and {@code report} when not null, the timestamp when not 0, then the
   * string table, the series and the metadata in the buffers. Assigns the metadata's symbols first.
   */
  static byte[] encode(
      ScrapeBuffers buffers, Target target, long timestampMs, ScrapeReport report) {
    buffers.series.flush();
    buffers.metadata.reset();
    buffers.families.write(buffers.metadata);
    byte[] out = new byte[size(buffers, target, timestampMs, report)];
    ProtoWriter writer = new ProtoWriter(out);
    message(writer, TARGET, target);
    if (timestampMs != 0) {
      writer.tag(TIMESTAMP, ProtoWriter.VARINT);
      writer.varint64(timestampMs);
    }
    writeSymbols(writer, buffers.symbols);
    ProtoWriter series = buffers.series.out();
    writer.bytes(series.buffer(), 0, series.position());
    writer.bytes(buffers.metadata.buffer(), 0, buffers.metadata.position());
    message(writer, REPORT, report);
    if (writer.buffer() != out || writer.position() != out.length) {
      throw new IllegalStateException(
          "batch encoding wrote " + writer.position() + " bytes, computed " + out.length);
    }
    return out;
  }

  private static void writeSymbols(ProtoWriter writer, ScrapeSymbols symbols) {
    for (int ref = 0; ref < symbols.tableSize(); ref++) {
      int entry = symbols.entryAt(ref);
      writer.tag(SYMBOLS, ProtoWriter.LENGTH_DELIMITED);
      writer.varint32(symbols.utf8Length(entry));
      writer.string(symbols.text(entry), symbols.utf8Length(entry));
    }
  }

  private static void message(ProtoWriter writer, int field, MessageLite message) {
    if (message != null) {
      writer.tag(field, ProtoWriter.LENGTH_DELIMITED);
      writer.varint32(message.getSerializedSize());
      byte[] bytes = message.toByteArray();
      writer.bytes(bytes, 0, bytes.length);
    }
  }

  private static int size(
      ScrapeBuffers buffers, Target target, long timestampMs, ScrapeReport report) {
    int size = buffers.series.out().position() + buffers.metadata.position();
    ScrapeSymbols symbols = buffers.symbols;
    for (int ref = 0; ref < symbols.tableSize(); ref++) {
      int length = symbols.utf8Length(symbols.entryAt(ref));
      size += CodedOutputStream.computeTagSize(SYMBOLS) + ProtoWriter.varint32Size(length) + length;
    }
    size += target == null ? 0 : CodedOutputStream.computeMessageSize(TARGET, target);
    size += timestampMs == 0 ? 0 : CodedOutputStream.computeInt64Size(TIMESTAMP, timestampMs);
    size += report == null ? 0 : CodedOutputStream.computeMessageSize(REPORT, report);
    return size;
  }
}
