package io.scrapestream.allocator.monitors;

import io.scrapestream.core.config.MonitorKind;
import java.util.Map;
import java.util.Objects;

/**
 * A Prometheus-Operator resource as the API server sent it, without any client library type.
 *
 * @param spec the resource's {@code spec}, as parsed JSON (maps, lists, strings, numbers, booleans)
 */
public record MonitorResource(
    MonitorKind kind,
    String namespace,
    String name,
    Map<String, String> labels,
    Map<String, Object> spec) {
  public MonitorResource {
    Objects.requireNonNull(kind, "kind must not be null");
    if (namespace == null || namespace.isEmpty() || name == null || name.isEmpty()) {
      throw new IllegalArgumentException(
          "namespace and name must not be empty. Found: " + namespace + "/" + name);
    }
    labels = Map.copyOf(labels);
    spec = Map.copyOf(spec);
  }

  /** {@code Kind ns/name}, for logs and error messages. */
  public String describe() {
    return kind.configName() + " " + namespace + "/" + name;
  }
}
