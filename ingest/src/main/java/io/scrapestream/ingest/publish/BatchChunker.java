package io.scrapestream.ingest.publish;

import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.MessageLite;
import io.scrapestream.core.config.ScraperSettings;
import io.scrapestream.schemas.v1.Chunk;
import io.scrapestream.schemas.v1.Exemplar;
import io.scrapestream.schemas.v1.MetricFamilyMetadata;
import io.scrapestream.schemas.v1.ScrapeBatch;
import io.scrapestream.schemas.v1.Series;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Splits a scrape whose encoded batch exceeds {@code maxBatchBytes} into several records with
 * {@code Chunk{index,count}}, each with the target and timestamp of the scrape and its own string
 * table holding just the symbols it needs. Series stay in order; metadata follows the series; the
 * trailing synthetic series and the report go in the last chunk. A chunk is never larger than the
 * bound unless a single series or metadata entry is (it then travels alone, and Kafka rejects it).
 */
public final class BatchChunker {
  /** The default bound: {@code scraper.max_batch_bytes}'s default ({@link ScraperSettings}). */
  public static final int DEFAULT_MAX_BATCH_BYTES =
      Math.toIntExact(ScraperSettings.DEFAULT_MAX_BATCH_BYTES);

  private static final int SYMBOLS_FIELD = 3;
  private static final int SERIES_FIELD = 4;
  private static final int METADATA_FIELD = 5;

  private final int maxBatchBytes;

  public BatchChunker(int maxBatchBytes) {
    if (maxBatchBytes < 1) {
      throw new IllegalArgumentException("maxBatchBytes must be >= 1. Found: " + maxBatchBytes);
    }
    this.maxBatchBytes = maxBatchBytes;
  }

  /**
   * The encoded batch itself when it fits (the common case: nothing is decoded), else the encoded
   * chunks of its decoded message (see {@link #split(ScrapeBatch, int)}).
   */
  public List<EncodedBatch> split(EncodedBatch batch, int tailSeries) {
    if (batch.bytes().length <= maxBatchBytes) {
      return List.of(batch);
    }
    return split(batch.decode(), tailSeries).stream().map(EncodedBatch::of).toList();
  }

  /**
   * The batch itself when it fits, else its chunks. {@code tailSeries}: how many series at the end
   * of the batch (the synthetic ones) must travel in the last chunk, with the report.
   */
  public List<ScrapeBatch> split(ScrapeBatch batch, int tailSeries) {
    if (batch.getSerializedSize() <= maxBatchBytes) {
      return List.of(batch);
    }
    int bodyEnd = batch.getSeriesCount() - Math.min(tailSeries, batch.getSeriesCount());
    ScrapeBatch header = header(batch);
    List<ScrapeBatch.Builder> chunks = new ArrayList<>();
    Packer packer = new Packer(batch, header.getSerializedSize());
    for (int i = 0; i < bodyEnd; i++) {
      packer.addSeries(batch.getSeries(i), chunks);
    }
    for (MetricFamilyMetadata metadata : batch.getMetadataList()) {
      packer.addMetadata(metadata, chunks);
    }
    packer.reserve(tailBytes(batch, bodyEnd), chunks);
    for (int i = bodyEnd; i < batch.getSeriesCount(); i++) {
      packer.addSeries(batch.getSeries(i), chunks);
    }
    packer.close(chunks);
    return finish(header, chunks);
  }

  /** What every chunk repeats: target, timestamp, resource attributes, and the widest chunk. */
  private static ScrapeBatch header(ScrapeBatch batch) {
    return ScrapeBatch.newBuilder()
        .setTarget(batch.getTarget())
        .setTimestampMs(batch.getTimestampMs())
        .addAllResourceAttributes(batch.getResourceAttributesList())
        .setReport(batch.getReport())
        .setChunk(Chunk.newBuilder().setIndex(Integer.MAX_VALUE).setCount(Integer.MAX_VALUE))
        .build();
  }

  private static List<ScrapeBatch> finish(ScrapeBatch header, List<ScrapeBatch.Builder> chunks) {
    List<ScrapeBatch> result = new ArrayList<>(chunks.size());
    for (int i = 0; i < chunks.size(); i++) {
      ScrapeBatch.Builder chunk =
          chunks
              .get(i)
              .setTarget(header.getTarget())
              .setTimestampMs(header.getTimestampMs())
              .addAllResourceAttributes(header.getResourceAttributesList())
              .setChunk(Chunk.newBuilder().setIndex(i).setCount(chunks.size()));
      if (i == chunks.size() - 1) {
        chunk.setReport(header.getReport());
      }
      result.add(chunk.build());
    }
    return result;
  }

  /** Fills one chunk at a time with items whose symbol references it re-numbers. */
  private final class Packer {
    private final List<String> source;
    private final int headerBytes;
    private final Map<Integer, Integer> localRefs = new HashMap<>();
    private final List<Integer> sourceRefs = new ArrayList<>();
    private ScrapeBatch.Builder chunk;
    private int bytes;
    private int items;

    Packer(ScrapeBatch batch, int headerBytes) {
      this.source = batch.getSymbolsList();
      this.headerBytes = headerBytes;
      start();
    }

    void addSeries(Series series, List<ScrapeBatch.Builder> chunks) {
      Series mapped = add(() -> remap(series), SERIES_FIELD, chunks);
      chunk.addSeries(mapped);
    }

    void addMetadata(MetricFamilyMetadata metadata, List<ScrapeBatch.Builder> chunks) {
      MetricFamilyMetadata mapped = add(() -> remap(metadata), METADATA_FIELD, chunks);
      chunk.addMetadata(mapped);
    }

    /** Keeps {@code extra} bytes free in the current chunk, starting a new one if needed. */
    void reserve(int extra, List<ScrapeBatch.Builder> chunks) {
      if (headerBytes + bytes + extra > maxBatchBytes && items > 0) {
        close(chunks);
      }
    }

    void close(List<ScrapeBatch.Builder> chunks) {
      sourceRefs.forEach(ref -> chunk.addSymbols(source.get(ref)));
      chunks.add(chunk);
      start();
    }

    /**
     * Re-numbers an item for the current chunk (which the caller adds it to afterwards, since this
     * may start a new one); when it does not fit, takes its new symbols back, closes the chunk and
     * re-numbers it into the next one.
     */
    private <T extends MessageLite> T add(
        Supplier<T> remap, int field, List<ScrapeBatch.Builder> chunks) {
      int mark = sourceRefs.size();
      int bytesBefore = bytes;
      T mapped = remap.get();
      if (headerBytes + bytes + entryBytes(mapped.getSerializedSize(), field) > maxBatchBytes
          && items > 0) {
        sourceRefs.subList(mark, sourceRefs.size()).forEach(localRefs::remove);
        sourceRefs.subList(mark, sourceRefs.size()).clear();
        bytes = bytesBefore;
        close(chunks);
        mapped = remap.get();
      }
      bytes += entryBytes(mapped.getSerializedSize(), field);
      items++;
      return mapped;
    }

    private void start() {
      chunk = ScrapeBatch.newBuilder();
      localRefs.clear();
      sourceRefs.clear();
      bytes = 0;
      items = 0;
      ref(0);
    }

    private int ref(int sourceRef) {
      Integer local = localRefs.get(sourceRef);
      if (local != null) {
        return local;
      }
      int index = sourceRefs.size();
      localRefs.put(sourceRef, index);
      sourceRefs.add(sourceRef);
      bytes += CodedOutputStream.computeStringSize(SYMBOLS_FIELD, source.get(sourceRef));
      return index;
    }

    private Series remap(Series series) {
      Series.Builder mapped = series.toBuilder().clearLabelRefs().clearExemplars();
      series.getLabelRefsList().forEach(r -> mapped.addLabelRefs(ref(r)));
      for (Exemplar exemplar : series.getExemplarsList()) {
        Exemplar.Builder e = exemplar.toBuilder().clearLabelRefs();
        exemplar.getLabelRefsList().forEach(r -> e.addLabelRefs(ref(r)));
        mapped.addExemplars(e);
      }
      return mapped.build();
    }

    private MetricFamilyMetadata remap(MetricFamilyMetadata metadata) {
      return metadata.toBuilder()
          .setNameRef(ref(metadata.getNameRef()))
          .setHelpRef(ref(metadata.getHelpRef()))
          .setUnitRef(ref(metadata.getUnitRef()))
          .build();
    }
  }

  /** At most what the tail series take in a chunk: themselves and every symbol they use. */
  private static int tailBytes(ScrapeBatch batch, int bodyEnd) {
    int total = 0;
    for (int i = bodyEnd; i < batch.getSeriesCount(); i++) {
      Series series = batch.getSeries(i);
      total += entryBytes(series.getSerializedSize(), SERIES_FIELD);
      for (int ref : series.getLabelRefsList()) {
        total += CodedOutputStream.computeStringSize(SYMBOLS_FIELD, batch.getSymbols(ref));
      }
    }
    return total;
  }

  private static int entryBytes(int size, int field) {
    return CodedOutputStream.computeTagSize(field)
        + CodedOutputStream.computeUInt32SizeNoTag(size)
        + size;
  }
}
