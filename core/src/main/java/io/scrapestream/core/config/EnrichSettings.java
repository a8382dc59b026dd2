package io.scrapestream.core.config;

import java.util.Objects;

/** The {@code enrich} section: the Kafka Streams application id and processing guarantee. */
public record EnrichSettings(String applicationId, ProcessingGuarantee processingGuarantee) {
  public static final String DEFAULT_APPLICATION_ID = "scrapestream-enrich";

  public EnrichSettings {
    ConfigRules.require("applicationId", applicationId, ConfigRules.APPLICATION_ID);
    Objects.requireNonNull(processingGuarantee, "processingGuarantee must not be null");
  }

  /** {@code scrapestream-enrich}, at least once. */
  public static EnrichSettings defaults() {
    return new EnrichSettings(DEFAULT_APPLICATION_ID, ProcessingGuarantee.AT_LEAST_ONCE);
  }
}
