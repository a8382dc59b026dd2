package io.scrapestream.allocator.monitors;

import java.util.Optional;

/** Reads one key of a Kubernetes Secret, decoded; empty when the Secret or the key is missing. */
@FunctionalInterface
public interface SecretLookup {
  Optional<String> value(String namespace, String name, String key);
}
