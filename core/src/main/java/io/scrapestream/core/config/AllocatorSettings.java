package io.scrapestream.core.config;

import java.util.Objects;

/** The {@code allocator} section. */
public record AllocatorSettings(KubernetesAllocatorSettings kubernetes) {
  public AllocatorSettings {
    Objects.requireNonNull(kubernetes, "kubernetes must not be null");
  }

  /** Every key at its default. */
  public static AllocatorSettings defaults() {
    return new AllocatorSettings(KubernetesAllocatorSettings.defaults());
  }
}
