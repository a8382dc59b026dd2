package io.scrapestream.core.config;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Checks that a name key (job_name, backend name) is unique across the items of one list. */
final class UniqueNames {
  private final Map<String, String> firstPaths = new HashMap<>();

  /**
   * Returns the name when no earlier item used it, else records {@code must be unique. Found:
   * "node" (also at scrape_configs[0])} at the key and returns empty.
   */
  Optional<String> claim(MappingReader item, String key, String name) {
    String first = firstPaths.putIfAbsent(name, item.path());
    if (first == null) {
      return Optional.of(name);
    }
    item.problem(key, "must be unique", ConfigProblems.quote(name) + " (also at " + first + ")");
    return Optional.empty();
  }
}
