package io.scrapestream.core.config;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code allocator} section: where the OTel-Target-Allocator-compatible API listens, the
 * allocation strategy, the scrapers outside Kubernetes, how often the allocation is recomputed
 * after a change, and who may read secret values (bearer tokens, or client certificates via {@code
 * tls}).
 *
 * @param scrapers the collector ids of the scrapers when they are not discovered in Kubernetes
 * @param refreshInterval the longest time between a change (targets, scrapers) and the new
 *     allocation; changes within it are recomputed once
 * @param apiTokens bearer tokens that may read secret values over HTTPS
 * @param kubernetes scraper membership and the metadata publisher, in Kubernetes
 * @param monitors Prometheus-Operator resources turned into jobs
 */
public record AllocatorSettings(
    String host,
    int port,
    AllocationStrategyName strategy,
    List<String> scrapers,
    Duration refreshInterval,
    List<Secret> apiTokens,
    Optional<AllocatorTls> tls,
    KubernetesAllocatorSettings kubernetes,
    MonitorSettings monitors) {
  public static final String DEFAULT_LISTEN_ADDRESS = "0.0.0.0:8080";
  public static final Duration DEFAULT_REFRESH_INTERVAL = Duration.ofSeconds(5);

  public AllocatorSettings {
    ConfigRules.require(
        "listenAddress", new HostPort(host, port).toString(), ConfigRules.LISTEN_ADDRESS);
    Objects.requireNonNull(strategy, "strategy must not be null");
    scrapers = List.copyOf(scrapers);
    scrapers.forEach(id -> ConfigRules.require("scraper", id, ConfigRules.SCRAPER_ID));
    if (scrapers.stream().distinct().count() != scrapers.size()) {
      throw new IllegalArgumentException("scrapers must be unique. Found: " + scrapers);
    }
    ConfigRules.require("refreshInterval", refreshInterval, ConfigRules.POSITIVE_DURATION);
    apiTokens = List.copyOf(apiTokens);
    Objects.requireNonNull(tls, "tls must not be null");
    Objects.requireNonNull(kubernetes, "kubernetes must not be null");
    Objects.requireNonNull(monitors, "monitors must not be null");
  }

  /** Settings with Prometheus-Operator monitors disabled. */
  public AllocatorSettings(
      String host,
      int port,
      AllocationStrategyName strategy,
      List<String> scrapers,
      Duration refreshInterval,
      List<Secret> apiTokens,
      Optional<AllocatorTls> tls,
      KubernetesAllocatorSettings kubernetes) {
    this(
        host,
        port,
        strategy,
        scrapers,
        refreshInterval,
        apiTokens,
        tls,
        kubernetes,
        MonitorSettings.disabled());
  }

  /** Listens on {@value #DEFAULT_LISTEN_ADDRESS}, consistent hashing, no scrapers, no tokens. */
  public static AllocatorSettings defaults() {
    return new AllocatorSettings(
        "0.0.0.0",
        8080,
        AllocationStrategyName.CONSISTENT_HASHING,
        List.of(),
        DEFAULT_REFRESH_INTERVAL,
        List.of(),
        Optional.empty(),
        KubernetesAllocatorSettings.defaults());
  }

  /** The address as {@code host:port}, with brackets around an IPv6 host. */
  public String listenAddress() {
    return new HostPort(host, port).toString();
  }
}
