package io.scrapestream.core.config;

import java.util.List;
import java.util.Map;

/**
 * One entry of a job's {@code static_configs}: {@code host:port} targets and the labels they all
 * get (sorted by name).
 */
public record StaticConfig(List<String> targets, Map<String, String> labels) {
  public StaticConfig {
    targets = List.copyOf(targets);
    targets.forEach(target -> ConfigRules.require("target", target, ConfigRules.TARGET));
    labels = ConfigCollections.sorted("labels", labels);
    ConfigRules.requireLabelNames("labels", labels);
  }
}
