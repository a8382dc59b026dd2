package io.scrapestream.core.config;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The Kafka Streams processing guarantee of the enrich application. */
public enum ProcessingGuarantee {
  AT_LEAST_ONCE("at_least_once"),
  EXACTLY_ONCE_V2("exactly_once_v2");

  private final String kafkaValue;

  ProcessingGuarantee(String kafkaValue) {
    this.kafkaValue = kafkaValue;
  }

  /** The value of the Kafka Streams {@code processing.guarantee} property, as in the YAML. */
  public String kafkaValue() {
    return kafkaValue;
  }

  /** The guarantee whose {@link #kafkaValue()} is {@code value}, if any. */
  public static Optional<ProcessingGuarantee> fromKafkaValue(String value) {
    return Arrays.stream(values()).filter(g -> g.kafkaValue.equals(value)).findFirst();
  }

  /** All Kafka values, in declaration order. */
  public static List<String> kafkaValues() {
    return Arrays.stream(values()).map(ProcessingGuarantee::kafkaValue).toList();
  }
}
