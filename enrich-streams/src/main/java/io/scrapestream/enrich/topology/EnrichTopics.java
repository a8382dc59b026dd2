package io.scrapestream.enrich.topology;

import io.scrapestream.core.config.KafkaSettings;
import io.scrapestream.core.kafka.Topics;
import java.util.Objects;

/** The topics the enrichment topology reads and writes. */
public record EnrichTopics(
    String samplesRaw, String samplesEnriched, String deadLetter, String k8sMetadata) {
  public EnrichTopics {
    Objects.requireNonNull(samplesRaw, "samplesRaw must not be null");
    Objects.requireNonNull(samplesEnriched, "samplesEnriched must not be null");
    Objects.requireNonNull(deadLetter, "deadLetter must not be null");
    Objects.requireNonNull(k8sMetadata, "k8sMetadata must not be null");
  }

  /** The configured topics: {@code samples.raw}, {@code samples.enriched}, ... under the prefix. */
  public static EnrichTopics of(KafkaSettings kafka) {
    return new EnrichTopics(
        Topics.samplesRaw(kafka),
        Topics.samplesEnriched(kafka),
        Topics.deadLetter(kafka, "enrich"),
        Topics.k8sMetadata(kafka));
  }
}
