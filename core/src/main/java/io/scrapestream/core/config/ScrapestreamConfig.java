package io.scrapestream.core.config;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/** The whole configuration file, as loaded by {@link ConfigLoader}. */
public record ScrapestreamConfig(
    GlobalConfig global,
    List<ScrapeConfig> scrapeConfigs,
    KafkaSettings kafka,
    ScraperSettings scraper,
    EnrichSettings enrich,
    TelemetrySettings telemetry,
    List<BackendConfig> backends,
    AllocatorSettings allocator) {

  public ScrapestreamConfig {
    Objects.requireNonNull(global, "global must not be null");
    Objects.requireNonNull(kafka, "kafka must not be null");
    Objects.requireNonNull(scraper, "scraper must not be null");
    Objects.requireNonNull(enrich, "enrich must not be null");
    Objects.requireNonNull(telemetry, "telemetry must not be null");
    Objects.requireNonNull(allocator, "allocator must not be null");
    scrapeConfigs = List.copyOf(scrapeConfigs);
    backends = List.copyOf(backends);
    requireUnique("job name", scrapeConfigs, ScrapeConfig::jobName);
    requireUnique("backend name", backends, BackendConfig::name);
  }

  /** A configuration with the default {@code allocator} section. */
  public ScrapestreamConfig(
      GlobalConfig global,
      List<ScrapeConfig> scrapeConfigs,
      KafkaSettings kafka,
      ScraperSettings scraper,
      EnrichSettings enrich,
      TelemetrySettings telemetry,
      List<BackendConfig> backends) {
    this(
        global,
        scrapeConfigs,
        kafka,
        scraper,
        enrich,
        telemetry,
        backends,
        AllocatorSettings.defaults());
  }

  /** The configuration of an empty file: all defaults, no jobs, no backends. */
  public static ScrapestreamConfig defaults() {
    return new ScrapestreamConfig(
        GlobalConfig.defaults(),
        List.of(),
        KafkaSettings.defaults(),
        ScraperSettings.defaults(),
        EnrichSettings.defaults(),
        TelemetrySettings.defaults(),
        List.of(),
        AllocatorSettings.defaults());
  }

  /** The job named {@code jobName}, if any. */
  public Optional<ScrapeConfig> scrapeConfig(String jobName) {
    return scrapeConfigs.stream().filter(job -> job.jobName().equals(jobName)).findFirst();
  }

  /** The backend named {@code name}, if any. */
  public Optional<BackendConfig> backend(String name) {
    return backends.stream().filter(backend -> backend.name().equals(name)).findFirst();
  }

  private static <T> void requireUnique(String what, List<T> items, Function<T, String> name) {
    Set<String> seen = new HashSet<>();
    for (T item : items) {
      if (!seen.add(name.apply(item))) {
        throw new IllegalArgumentException(
            what + " must be unique. Found: \"" + name.apply(item) + "\" twice");
      }
    }
  }
}
