package io.scrapestream.core.config;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** {@code kafka.sasl.mechanism}: the SASL mechanisms a username and password work with. */
public enum KafkaSaslMechanism {
  PLAIN("PLAIN", "org.apache.kafka.common.security.plain.PlainLoginModule"),
  SCRAM_SHA_256("SCRAM-SHA-256", "org.apache.kafka.common.security.scram.ScramLoginModule"),
  SCRAM_SHA_512("SCRAM-SHA-512", "org.apache.kafka.common.security.scram.ScramLoginModule");

  private final String kafkaName;
  private final String loginModule;

  KafkaSaslMechanism(String kafkaName, String loginModule) {
    this.kafkaName = kafkaName;
    this.loginModule = loginModule;
  }

  /** The value of Kafka's {@code sasl.mechanism}, as written in the configuration. */
  public String kafkaName() {
    return kafkaName;
  }

  /** The JAAS login module class of this mechanism. */
  public String loginModule() {
    return loginModule;
  }

  static List<String> kafkaNames() {
    return Arrays.stream(values()).map(KafkaSaslMechanism::kafkaName).toList();
  }

  static Optional<KafkaSaslMechanism> fromKafkaName(String name) {
    return Arrays.stream(values()).filter(m -> m.kafkaName.equals(name)).findFirst();
  }
}
