package io.scrapestream.core.config;

import io.scrapestream.core.transform.TransformStep;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads {@code backends}: a unique name, exactly one exporter block, optional batching, delivery
 * settings and transforms. To add an exporter, add its key and reader to {@link #EXPORTERS} and its
 * record to {@link ExporterConfig}.
 */
final class BackendConfigReader {
  private static final Map<String, Function<MappingReader, Optional<ExporterConfig>>> EXPORTERS =
      exporters();

  private BackendConfigReader() {}

  static List<BackendConfig> readAll(List<ValueReader> items) {
    UniqueNames names = new UniqueNames();
    List<BackendConfig> backends = new ArrayList<>();
    for (ValueReader item : items) {
      read(MappingReader.of(item), names).ifPresent(backends::add);
    }
    return backends;
  }

  private static Optional<BackendConfig> read(MappingReader m, UniqueNames names) {
    Optional<String> name =
        m.required("name", ConfigRules.BACKEND_NAME).flatMap(n -> names.claim(m, "name", n));
    List<String> present = new ArrayList<>();
    Optional<ExporterConfig> exporter = Optional.empty();
    for (Map.Entry<String, Function<MappingReader, Optional<ExporterConfig>>> entry :
        EXPORTERS.entrySet()) {
      if (m.has(entry.getKey())) {
        present.add(entry.getKey());
        exporter = entry.getValue().apply(m.mapping(entry.getKey()));
      }
    }
    if (present.size() != 1) {
      m.problem(
          "must have exactly one of " + String.join(", ", EXPORTERS.keySet()),
          present.isEmpty() ? "none" : String.join(", ", present));
    }
    BatchSettings batch = batch(m.mapping("batch"));
    DeliverySettings delivery = delivery(m);
    List<TransformStep> transforms = TransformStepsReader.readAll(m.items("transforms"));
    m.finish();
    if (name.isEmpty() || exporter.isEmpty() || present.size() != 1) {
      return Optional.empty();
    }
    return Optional.of(new BackendConfig(name.get(), exporter.get(), batch, delivery, transforms));
  }

  private static Optional<ExporterConfig> file(MappingReader m) {
    Optional<Path> path = m.required("path", ConfigRules.FILE_PATH).map(Path::of);
    m.finish();
    return path.map(FileExporterConfig::new);
  }

  private static BatchSettings batch(MappingReader m) {
    int maxSamples =
        m.integer("max_samples", BatchSettings.DEFAULT_MAX_SAMPLES, ConfigRules.POSITIVE_INT);
    Duration maxDelay =
        m.duration("max_delay", BatchSettings.DEFAULT_MAX_DELAY, ConfigRules.POSITIVE_DURATION);
    m.finish();
    return new BatchSettings(maxSamples, maxDelay);
  }

  private static DeliverySettings delivery(MappingReader m) {
    return new DeliverySettings(
        m.duration(
            "drop_older_than",
            DeliverySettings.DEFAULT_DROP_OLDER_THAN,
            ConfigRules.NOT_NEGATIVE_DURATION),
        m.duration(
            "drop_newer_than",
            DeliverySettings.DEFAULT_DROP_NEWER_THAN,
            ConfigRules.NOT_NEGATIVE_DURATION),
        m.integer(
            "max_in_flight", DeliverySettings.DEFAULT_MAX_IN_FLIGHT, ConfigRules.POSITIVE_INT),
        m.integer(
            "max_pending_samples",
            DeliverySettings.DEFAULT_MAX_PENDING_SAMPLES,
            ConfigRules.POSITIVE_INT));
  }

  private static Map<String, Function<MappingReader, Optional<ExporterConfig>>> exporters() {
    Map<String, Function<MappingReader, Optional<ExporterConfig>>> exporters =
        new LinkedHashMap<>();
    exporters.put("remote_write", RemoteWriteConfigReader::read);
    exporters.put("file", BackendConfigReader::file);
    exporters.put("otlp", OtlpConfigReader::read);
    exporters.put("elasticsearch", ElasticsearchConfigReader::read);
    return Collections.unmodifiableMap(exporters);
  }
}
