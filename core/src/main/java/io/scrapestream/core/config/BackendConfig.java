package io.scrapestream.core.config;

import java.util.Objects;

/** One entry of {@code backends}: a unique name, its exporter and its sink's batching. */
public record BackendConfig(String name, ExporterConfig exporter, BatchSettings batch) {
  public BackendConfig {
    ConfigRules.require("name", name, ConfigRules.BACKEND_NAME);
    Objects.requireNonNull(exporter, "exporter must not be null");
    Objects.requireNonNull(batch, "batch must not be null");
  }
}
