package io.scrapestream.core.config;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The allocation strategies {@code allocator.strategy} names. */
public enum AllocationStrategyName {
  CONSISTENT_HASHING("consistent-hashing"),
  LEAST_WEIGHTED("least-weighted"),
  PER_NODE("per-node");

  private final String configName;

  AllocationStrategyName(String configName) {
    this.configName = configName;
  }

  /** The name as written in the configuration. */
  public String configName() {
    return configName;
  }

  static List<String> configNames() {
    return Arrays.stream(values()).map(AllocationStrategyName::configName).toList();
  }

  static Optional<AllocationStrategyName> fromConfigName(String name) {
    return Arrays.stream(values()).filter(s -> s.configName.equals(name)).findFirst();
  }
}
