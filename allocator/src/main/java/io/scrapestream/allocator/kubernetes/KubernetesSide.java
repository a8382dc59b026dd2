package io.scrapestream.allocator.kubernetes;

import io.scrapestream.allocator.discovery.Discoverer;
import io.scrapestream.allocator.discovery.DiscovererFactory;
import io.scrapestream.allocator.membership.ScraperMembership;
import io.scrapestream.allocator.metadata.KubernetesMetadataPublisher;
import io.scrapestream.allocator.metadata.MetadataPublisherListener;
import io.scrapestream.allocator.monitors.MonitorJobSource;
import io.scrapestream.allocator.monitors.MonitorListener;
import io.scrapestream.allocator.monitors.MonitorScrapeConfigs;
import io.scrapestream.core.config.KubernetesAllocatorSettings;
import io.scrapestream.core.config.KubernetesRole;
import io.scrapestream.core.config.KubernetesSdConfig;
import io.scrapestream.core.config.MonitorSettings;
import io.scrapestream.core.config.ScrapeConfig;
import io.scrapestream.core.config.ScrapestreamConfig;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The allocator's Kubernetes side, built only when the configuration uses Kubernetes (a {@code
 * kubernetes_sd_configs} entry or {@code allocator.kubernetes.scraper_selector}): discovery on
 * shared informers, scraper membership from Ready pods, and the {@code k8s.metadata} publisher fed
 * by the same informers — one watcher of the API server per kind.
 */
public final class KubernetesSide implements DiscovererFactory, AutoCloseable {
  private final KubernetesDiscoverers discoverers;
  private final Optional<KubernetesScraperMembership> membership;
  private final Optional<KubernetesMetadataPublisher> publisher;
  private final Optional<KubernetesMetadataFeed> feed;
  private final ScheduledExecutorService scheduler;
  private final Optional<MonitorJobSource> monitorJobs;
  private final Optional<MonitorInformers> monitorInformers;

  private KubernetesSide(ScrapestreamConfig config, Listeners listeners) {
    KubernetesAllocatorSettings settings = config.allocator().kubernetes();
    discoverers =
        new KubernetesDiscoverers(
            sdConfigs(config), settings, KubernetesConnection::connect, listeners.kubernetes());
    scheduler = Executors.newSingleThreadScheduledExecutor(KubernetesSide::daemon);
    membership =
        settings
            .scraperSelector()
            .map(
                selector ->
                    new KubernetesScraperMembership(
                        discoverers.defaultInformers(),
                        KubernetesScraperMembership.Selection.of(
                            settings, discoverers.ownNamespace()),
                        Clock.systemUTC(),
                        scheduler));
    publisher =
        settings.metadataEnabled()
            ? Optional.of(
                KubernetesMetadataPublisher.create(
                    config.kafka(),
                    "scrapestream-allocator-metadata",
                    Clock.systemUTC(),
                    listeners.metadata()))
            : Optional.empty();
    feed = publisher.map(p -> new KubernetesMetadataFeed(discoverers.defaultInformers(), p));
    monitorJobs = monitorJobs(config, discoverers, listeners.monitors());
    monitorInformers =
        monitorJobs.map(
            source ->
                new MonitorInformers(
                    discoverers.defaultClient(),
                    List.copyOf(config.allocator().monitors().kinds()),
                    source));
  }

  private static Optional<MonitorJobSource> monitorJobs(
      ScrapestreamConfig config, KubernetesDiscoverers discoverers, MonitorListener listener) {
    MonitorSettings monitors = config.allocator().monitors();
    if (!monitors.enabled()) {
      return Optional.empty();
    }
    return Optional.of(
        new MonitorJobSource(
            monitors,
            new MonitorScrapeConfigs(config.global()),
            ns -> MonitorInformers.namespaceLabels(discoverers.defaultClient(), ns),
            listener));
  }

  /** Where the Kubernetes side reports what it does. */
  public record Listeners(
      KubernetesListener kubernetes, MetadataPublisherListener metadata, MonitorListener monitors) {
    public Listeners(KubernetesListener kubernetes, MetadataPublisherListener metadata) {
      this(kubernetes, metadata, MonitorListener.NO_OP);
    }
  }

  /** The Kubernetes side, when the configuration uses Kubernetes at all. */
  public static Optional<KubernetesSide> of(ScrapestreamConfig config, Listeners listeners) {
    boolean used =
        !sdConfigs(config).isEmpty()
            || config.allocator().kubernetes().scraperSelector().isPresent()
            || config.allocator().monitors().enabled();
    return used ? Optional.of(new KubernetesSide(config, listeners)) : Optional.empty();
  }

  @Override
  public List<Discoverer> create(ScrapeConfig job) {
    return job.kubernetesSdConfigs().stream().<Discoverer>map(discoverers::discoverer).toList();
  }

  /** The jobs of Prometheus-Operator monitors, when {@code allocator.monitors.enabled}. */
  public Optional<MonitorJobSource> monitorJobs() {
    return monitorJobs;
  }

  /** Ready scraper pods, when {@code allocator.kubernetes.scraper_selector} is set. */
  public Optional<ScraperMembership> membership() {
    return membership.map(m -> m);
  }

  @Override
  public void close() {
    monitorInformers.ifPresent(MonitorInformers::close);
    feed.ifPresent(KubernetesMetadataFeed::close);
    publisher.ifPresent(KubernetesMetadataPublisher::close);
    membership.ifPresent(KubernetesScraperMembership::close);
    scheduler.shutdownNow();
    discoverers.close();
  }

  private static List<KubernetesSdConfig> sdConfigs(ScrapestreamConfig config) {
    List<KubernetesSdConfig> all = new ArrayList<>();
    config.scrapeConfigs().forEach(job -> all.addAll(job.kubernetesSdConfigs()));
    if (config.allocator().monitors().enabled()) {
      all.add(KubernetesSdConfig.of(KubernetesRole.ENDPOINTSLICE));
      all.add(KubernetesSdConfig.of(KubernetesRole.POD));
    }
    return all;
  }

  private static Thread daemon(Runnable runnable) {
    Thread thread = new Thread(runnable, "kubernetes-membership");
    thread.setDaemon(true);
    return thread;
  }
}
