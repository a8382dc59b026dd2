package io.scrapestream.core.config;

import java.util.Map;
import java.util.Objects;

/**
 * The {@code kafka} section: where the brokers are, the prefix of every topic name, properties
 * passed unchanged to every Kafka client (sorted by name), and how clients connect (TLS, SASL).
 */
public record KafkaSettings(
    String bootstrapServers,
    String topicPrefix,
    Map<String, String> clientProperties,
    KafkaSecurity security) {
  public static final String DEFAULT_BOOTSTRAP_SERVERS = "localhost:9092";
  public static final String DEFAULT_TOPIC_PREFIX = "scrapestream.";

  public KafkaSettings {
    ConfigRules.require("bootstrapServers", bootstrapServers, ConfigRules.BOOTSTRAP_SERVERS);
    ConfigRules.require("topicPrefix", topicPrefix, ConfigRules.TOPIC_PREFIX);
    clientProperties = ConfigCollections.sorted("clientProperties", clientProperties);
    Objects.requireNonNull(security, "security must not be null");
  }

  /** Settings of a PLAINTEXT connection. */
  public KafkaSettings(
      String bootstrapServers, String topicPrefix, Map<String, String> clientProperties) {
    this(bootstrapServers, topicPrefix, clientProperties, KafkaSecurity.plaintext());
  }

  /** {@code localhost:9092}, prefix {@code scrapestream.}, no client properties. */
  public static KafkaSettings defaults() {
    return new KafkaSettings(DEFAULT_BOOTSTRAP_SERVERS, DEFAULT_TOPIC_PREFIX, Map.of());
  }

  /** The full name of a topic: the prefix followed by {@code name}. */
  public String topic(String name) {
    Objects.requireNonNull(name, "name");
    return topicPrefix + name;
  }
}
