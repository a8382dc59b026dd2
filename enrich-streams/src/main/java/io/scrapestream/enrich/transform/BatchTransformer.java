package io.scrapestream.enrich.transform;

import com.google.protobuf.InvalidProtocolBufferException;
import io.scrapestream.core.batch.BatchRecords;
import io.scrapestream.core.batch.SymbolTable;
import io.scrapestream.core.transform.TransformResult;
import io.scrapestream.core.transform.TransformSeries;
import io.scrapestream.core.transform.Transformer;
import io.scrapestream.enrich.batch.BatchEncoder;
import io.scrapestream.enrich.batch.IndexedBatch;
import io.scrapestream.schemas.v1.Exemplar;
import io.scrapestream.schemas.v1.MetricFamilyMetadata;
import io.scrapestream.schemas.v1.ScrapeBatch;
import io.scrapestream.schemas.v1.Series;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One backend's transforms applied to a batch. Works on a decoded copy (the shared {@code
 * IndexedBatch} is never changed) and writes a new {@code ScrapeBatch} whose string table holds
 * only the strings the result uses. A series keeps what transforms do not touch (its timestamp,
 * histogram, exemplars); target, report, chunk and resource attributes are copied; metadata is kept
 * for every family that still has a series (its name, or its name with a sample suffix such as
 * {@code _total} or {@code _bucket}).
 */
public final class BatchTransformer {
  private static final List<String> SAMPLE_SUFFIXES =
      List.of("_total", "_bucket", "_count", "_sum", "_created", "_info", "_gcount", "_gsum");

  private final Transformer transformer;

  public BatchTransformer(Transformer transformer) {
    this.transformer = Objects.requireNonNull(transformer, "transformer");
  }

  /** What a batch became: the record value and the sample counts by outcome. */
  public record Output(byte[] bytes, int written, int dropped, int limited) {
    public Output {
      Objects.requireNonNull(bytes, "bytes must not be null");
    }
  }

  public Output transform(IndexedBatch batch) {
    ScrapeBatch decoded = decode(batch);
    List<TransformSeries> series = new ArrayList<>(decoded.getSeriesCount());
    for (int i = 0; i < decoded.getSeriesCount(); i++) {
      Series s = decoded.getSeries(i);
      series.add(
          new TransformSeries(
              BatchRecords.labels(decoded, s), s.getValueBits(), !s.hasHistogram(), i));
    }
    TransformResult result = transformer.apply(series);
    byte[] bytes = encode(decoded, result.series());
    return new Output(bytes, result.series().size(), result.dropped(), result.limited());
  }

  private static ScrapeBatch decode(IndexedBatch batch) {
    try {
      return ScrapeBatch.parseFrom(BatchEncoder.encode(batch));
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException("an indexed batch did not decode as a ScrapeBatch", e);
    }
  }

  private static byte[] encode(ScrapeBatch decoded, List<TransformSeries> series) {
    SymbolTable symbols = new SymbolTable();
    ScrapeBatch.Builder out = decoded.toBuilder().clearSymbols().clearSeries().clearMetadata();
    Set<String> names = new HashSet<>();
    for (TransformSeries s : series) {
      names.add(s.metricName());
      out.addSeries(series(decoded, s, symbols));
    }
    for (MetricFamilyMetadata meta : decoded.getMetadataList()) {
      if (familyPresent(decoded.getSymbols(meta.getNameRef()), names)) {
        out.addMetadata(
            meta.toBuilder()
                .setNameRef(remap(decoded, meta.getNameRef(), symbols))
                .setHelpRef(remap(decoded, meta.getHelpRef(), symbols))
                .setUnitRef(remap(decoded, meta.getUnitRef(), symbols)));
      }
    }
    return out.addAllSymbols(symbols.symbols()).build().toByteArray();
  }

  /** Whether a series of family {@code family} is left: its name, or with a sample suffix. */
  private static boolean familyPresent(String family, Set<String> names) {
    if (names.contains(family)) {
      return true;
    }
    for (String suffix : SAMPLE_SUFFIXES) {
      if (names.contains(family + suffix)) {
        return true;
      }
    }
    return false;
  }

  private static Series series(ScrapeBatch decoded, TransformSeries s, SymbolTable symbols) {
    Series.Builder builder =
        s.source() == TransformSeries.AGGREGATED
            ? Series.newBuilder()
            : decoded.getSeries(s.source()).toBuilder().clearLabelRefs();
    for (Map.Entry<String, String> label : s.labels().entrySet()) {
      builder.addLabelRefs(symbols.ref(label.getKey())).addLabelRefs(symbols.ref(label.getValue()));
    }
    for (int e = 0; e < builder.getExemplarsCount(); e++) {
      Exemplar exemplar = builder.getExemplars(e);
      Exemplar.Builder remapped = exemplar.toBuilder().clearLabelRefs();
      for (int ref : exemplar.getLabelRefsList()) {
        remapped.addLabelRefs(remap(decoded, ref, symbols));
      }
      builder.setExemplars(e, remapped);
    }
    return builder.setValueBits(s.valueBits()).build();
  }

  private static int remap(ScrapeBatch decoded, int ref, SymbolTable symbols) {
    return symbols.ref(decoded.getSymbols(ref));
  }
}
