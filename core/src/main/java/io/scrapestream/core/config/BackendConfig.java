package io.scrapestream.core.config;

import io.scrapestream.core.transform.TransformStep;
import java.util.List;
import java.util.Objects;

/**
 * One entry of {@code backends}: a unique name, its exporter, its sink's batching and delivery, and
 * the transform steps its series go through (none: the sink reads {@code samples.enriched}
 * directly).
 */
public record BackendConfig(
    String name,
    ExporterConfig exporter,
    BatchSettings batch,
    DeliverySettings delivery,
    List<TransformStep> transforms) {
  public BackendConfig {
    ConfigRules.require("name", name, ConfigRules.BACKEND_NAME);
    Objects.requireNonNull(exporter, "exporter must not be null");
    Objects.requireNonNull(batch, "batch must not be null");
    Objects.requireNonNull(delivery, "delivery must not be null");
    transforms = List.copyOf(Objects.requireNonNull(transforms, "transforms must not be null"));
  }

  /** A backend with the default delivery settings and no transforms. */
  public BackendConfig(String name, ExporterConfig exporter, BatchSettings batch) {
    this(name, exporter, batch, DeliverySettings.defaults(), List.of());
  }
}
