package io.scrapestream.core.kafka;

import io.scrapestream.core.config.KafkaSettings;

/** The names of Scrapestream's topics, all under the configured prefix (DESIGN.md). */
public final class Topics {
  private Topics() {}

  public static String samplesRaw(KafkaSettings kafka) {
    return kafka.topic("samples.raw");
  }

  public static String samplesEnriched(KafkaSettings kafka) {
    return kafka.topic("samples.enriched");
  }

  public static String k8sMetadata(KafkaSettings kafka) {
    return kafka.topic("k8s.metadata");
  }

  public static String out(KafkaSettings kafka, String backend) {
    return kafka.topic("out." + backend);
  }

  public static String deadLetter(KafkaSettings kafka, String stage) {
    return kafka.topic("dlq." + stage);
  }
}
