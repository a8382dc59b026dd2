package io.scrapestream.core.config;

import java.util.Objects;

/** One entry of {@code backends}: a unique name, its exporter, its sink's batching and delivery. */
public record BackendConfig(
    String name, ExporterConfig exporter, BatchSettings batch, DeliverySettings delivery) {
  public BackendConfig {
    ConfigRules.require("name", name, ConfigRules.BACKEND_NAME);
    Objects.requireNonNull(exporter, "exporter must not be null");
    Objects.requireNonNull(batch, "batch must not be null");
    Objects.requireNonNull(delivery, "delivery must not be null");
  }

  /** A backend with the default delivery settings. */
  public BackendConfig(String name, ExporterConfig exporter, BatchSettings batch) {
    this(name, exporter, batch, DeliverySettings.defaults());
  }
}
