package io.scrapestream.allocator.monitors;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Typed reads of one object of a monitor's parsed JSON, each wrong type refused with its path. */
record SpecTree(String path, Map<String, Object> values) {
  SpecTree {
    values = values == null ? Map.of() : values;
  }

  Optional<String> string(String key) {
    Object value = values.get(key);
    if (value == null) {
      return Optional.empty();
    }
    if (value instanceof String || value instanceof Number || value instanceof Boolean) {
      return Optional.of(String.valueOf(value));
    }
    throw invalid(key, "must be a string", value);
  }

  /** A non-negative integer, 0 when absent. */
  int count(String key) {
    Object value = values.get(key);
    if (value == null) {
      return 0;
    }
    if (value instanceof Integer n && n >= 0) {
      return n;
    }
    throw invalid(key, "must be a non-negative integer", value);
  }

  boolean bool(String key, boolean fallback) {
    Object value = values.get(key);
    if (value == null) {
      return fallback;
    }
    if (value instanceof Boolean b) {
      return b;
    }
    throw invalid(key, "must be a boolean", value);
  }

  @SuppressWarnings("unchecked")
  Optional<SpecTree> tree(String key) {
    Object value = values.get(key);
    if (value == null) {
      return Optional.empty();
    }
    if (value instanceof Map<?, ?> map) {
      return Optional.of(new SpecTree(path + "." + key, (Map<String, Object>) map));
    }
    throw invalid(key, "must be an object", value);
  }

  List<Object> list(String key) {
    Object value = values.get(key);
    if (value == null) {
      return List.of();
    }
    if (value instanceof List<?> list) {
      return List.copyOf(list);
    }
    throw invalid(key, "must be a list", value);
  }

  @SuppressWarnings("unchecked")
  List<SpecTree> trees(String key) {
    List<Object> items = list(key);
    return java.util.stream.IntStream.range(0, items.size())
        .mapToObj(
            i -> {
              if (items.get(i) instanceof Map<?, ?> map) {
                return new SpecTree(path + "." + key + "[" + i + "]", (Map<String, Object>) map);
              }
              throw invalid(key + "[" + i + "]", "must be an object", items.get(i));
            })
        .toList();
  }

  List<String> strings(String key) {
    return list(key).stream().map(String::valueOf).toList();
  }

  Map<String, String> stringMap(String key) {
    Map<String, String> result = new java.util.TreeMap<>();
    tree(key).ifPresent(t -> t.values.forEach((k, v) -> result.put(k, String.valueOf(v))));
    return result;
  }

  MonitorRejectedException invalid(String key, String expectation, Object found) {
    return new MonitorRejectedException(
        RejectReason.INVALID, path + "." + key + ": " + expectation + ". Found: " + found);
  }
}
