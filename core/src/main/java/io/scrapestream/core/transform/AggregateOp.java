package io.scrapestream.core.transform;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** How an {@code aggregate} step combines the values of one group. */
public enum AggregateOp {
  SUM("sum"),
  MEAN("mean"),
  MIN("min"),
  MAX("max"),
  COUNT("count");

  private final String yamlName;

  AggregateOp(String yamlName) {
    this.yamlName = yamlName;
  }

  public String yamlName() {
    return yamlName;
  }

  public static Optional<AggregateOp> fromYamlName(String name) {
    return Arrays.stream(values()).filter(op -> op.yamlName.equals(name)).findFirst();
  }

  public static List<String> yamlNames() {
    return Arrays.stream(values()).map(AggregateOp::yamlName).toList();
  }
}
