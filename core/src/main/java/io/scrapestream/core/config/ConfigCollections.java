package io.scrapestream.core.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Immutable copies of the maps the configuration records hold; null keys or values throw. */
final class ConfigCollections {
  private ConfigCollections() {}

  /** An unmodifiable copy sorted by key (labels, properties). */
  static Map<String, String> sorted(String component, Map<String, String> map) {
    return Collections.unmodifiableMap(new TreeMap<>(noNulls(component, map)));
  }

  /** An unmodifiable copy in the given map's iteration order (headers). */
  static Map<String, String> ordered(String component, Map<String, String> map) {
    return Collections.unmodifiableMap(new LinkedHashMap<>(noNulls(component, map)));
  }

  /** An unmodifiable copy, in order, with each list copied too (URL parameters). */
  static Map<String, List<String>> orderedLists(String component, Map<String, List<String>> map) {
    Map<String, List<String>> copy = new LinkedHashMap<>();
    noNulls(component, map).forEach((key, values) -> copy.put(key, List.copyOf(values)));
    return Collections.unmodifiableMap(copy);
  }

  private static <V> Map<String, V> noNulls(String component, Map<String, V> map) {
    if (map == null) {
      throw new NullPointerException(component + " must not be null");
    }
    map.forEach(
        (key, value) -> {
          if (key == null || value == null) {
            throw new NullPointerException(
                component + " must not hold null keys or values. Found: " + key + "=" + value);
          }
        });
    return map;
  }
}
