package io.scrapestream.allocator;

import io.scrapestream.allocator.allocation.Allocation;
import io.scrapestream.allocator.allocation.AllocationStrategy;
import io.scrapestream.allocator.allocation.Scrapers;
import io.scrapestream.allocator.api.AllocatorApiServer;
import io.scrapestream.allocator.api.ApiSnapshot;
import io.scrapestream.allocator.discovery.DiscovererFactory;
import io.scrapestream.allocator.discovery.DiscoveryManager;
import io.scrapestream.allocator.kubernetes.KubernetesSide;
import io.scrapestream.allocator.membership.ScraperMembership;
import io.scrapestream.allocator.membership.StaticMembership;
import io.scrapestream.allocator.target.JobRelabeling;
import io.scrapestream.allocator.target.TargetRelabeling;
import io.scrapestream.allocator.telemetry.AllocatorTelemetry;
import io.scrapestream.allocator.telemetry.PrometheusAllocatorMetrics;
import io.scrapestream.allocator.telemetry.PrometheusKubernetesListener;
import io.scrapestream.core.config.AllocatorSettings;
import io.scrapestream.core.config.ScrapestreamConfig;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The allocator role: discovery, relabeling, allocation every {@code allocator.refresh_interval}
 * when something changed, and the OTel-Target-Allocator-compatible API.
 */
public final class AllocatorApp implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(AllocatorApp.class);

  private final Optional<KubernetesSide> kubernetes;
  private final ScraperMembership membership;
  private final DiscoveryManager discovery;
  private final AllocationCycle cycle;
  private final AtomicReference<ApiSnapshot> snapshot =
      new AtomicReference<>(ApiSnapshot.notReady());
  private final AtomicBoolean dirty = new AtomicBoolean(true);
  private final ScheduledExecutorService scheduler;
  private final AllocatorApiServer server;
  private Allocation allocation = Allocation.empty();

  private AllocatorApp(Builder b) {
    ScrapestreamConfig config = b.config;
    AllocatorSettings settings = config.allocator();
    AllocatorTelemetry telemetry =
        b.telemetry != null ? b.telemetry : AllocatorTelemetry.standalone();
    PrometheusAllocatorMetrics metrics = telemetry.allocation();
    PrometheusKubernetesListener kubernetesMetrics = telemetry.kubernetes();
    kubernetes =
        b.kubernetes
            ? KubernetesSide.of(
                config,
                new KubernetesSide.Listeners(
                    kubernetesMetrics, kubernetesMetrics, telemetry.monitors()))
            : Optional.empty();
    membership =
        b.membership != null
            ? b.membership
            : kubernetes
                .flatMap(KubernetesSide::membership)
                .orElseGet(() -> new StaticMembership(settings.scrapers()));
    cycle =
        new AllocationCycle(
            config.scrapeConfigs(),
            b.relabeling,
            AllocationStrategy.of(settings.strategy()),
            metrics);
    DiscovererFactory factory =
        new StandardDiscoverers(b.dnsServer, metrics)
            .and(kubernetes.<DiscovererFactory>map(k -> k).orElse(job -> List.of()))
            .and(b.extraDiscoverers);
    discovery = new DiscoveryManager(config.scrapeConfigs(), factory, this::markDirty);
    membership.onChange(this::markDirty);
    kubernetes
        .flatMap(KubernetesSide::monitorJobs)
        .ifPresent(source -> source.onChange(discovery::replaceAddedJobs));
    server = AllocatorApiServer.start(settings, snapshot::get, metrics.metricsHandler());
    scheduler =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "allocation");
              thread.setDaemon(true);
              return thread;
            });
    long interval = settings.refreshInterval().toMillis();
    scheduler.scheduleWithFixedDelay(this::tick, 0, interval, TimeUnit.MILLISECONDS);
    discovery.start();
    LOG.info(
        "allocator: API on port {}, strategy {}, {} jobs",
        server.port(),
        settings.strategy().configName(),
        config.scrapeConfigs().size());
  }

  public static Builder builder(ScrapestreamConfig config) {
    return new Builder(config);
  }

  private void markDirty() {
    dirty.set(true);
  }

  private void tick() {
    if (!dirty.getAndSet(false)) {
      return;
    }
    try {
      boolean discoveryDone = discovery.allReported();
      Scrapers scrapers = new Scrapers(membership.ready(), membership.nodes());
      AllocationCycle.Result result =
          cycle.run(discovery.jobs(), discovery.groupsByJob(), scrapers, allocation, discoveryDone);
      int moved = AllocationCycle.moved(allocation, result.allocation());
      allocation = result.allocation();
      snapshot.set(result.snapshot());
      LOG.info(
          "allocated {} targets to {} scrapers ({} moved, {} unassigned, {} duplicates, {} dropped,"
              + " {} invalid)",
          allocation.assignedCount(),
          scrapers.ids().size(),
          moved,
          allocation.unassigned().size(),
          result.targets().duplicates(),
          result.targets().dropped(),
          result.targets().invalid());
    } catch (RuntimeException e) {
      dirty.set(true);
      LOG.error("allocation failed; retrying at the next interval", e);
    }
  }

  /** The API's HTTP port. */
  public int port() {
    return server.port();
  }

  /** The API's HTTPS port, when {@code allocator.tls} is set. */
  public Optional<Integer> httpsPort() {
    return server.httpsPort();
  }

  /** Whether {@code /readyz} answers 200. */
  public boolean ready() {
    return snapshot.get().ready();
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
    server.close();
    discovery.close();
    membership.close();
    kubernetes.ifPresent(KubernetesSide::close);
  }

  /** Options of {@link AllocatorApp}; only the configuration is required. */
  public static final class Builder {
    private final ScrapestreamConfig config;
    private TargetRelabeling relabeling = new JobRelabeling();
    private boolean kubernetes = true;
    private ScraperMembership membership;
    private DiscovererFactory extraDiscoverers = job -> List.of();
    private AllocatorTelemetry telemetry;
    private Optional<InetSocketAddress> dnsServer = Optional.empty();

    private Builder(ScrapestreamConfig config) {
      this.config = config;
    }

    /**
     * Whether to connect to Kubernetes when the configuration asks for it (default true); tests
     * that bring their own discoverers and membership turn it off.
     */
    public Builder kubernetes(boolean enabled) {
      this.kubernetes = enabled;
      return this;
    }

    /** Target relabeling; by default each job's {@code relabel_configs} (the relabel engine). */
    public Builder relabeling(TargetRelabeling relabeling) {
      this.relabeling = relabeling;
      return this;
    }

    /** Where ready scrapers come from; by default {@code allocator.scrapers}. */
    public Builder membership(ScraperMembership membership) {
      this.membership = membership;
      return this;
    }

    /** More discoverers per job (Kubernetes), after the standard ones. */
    public Builder discoverers(DiscovererFactory extra) {
      this.extraDiscoverers = extra;
      return this;
    }

    /** Where self-metrics go; by default a registry of their own, served on the API port. */
    public Builder telemetry(AllocatorTelemetry telemetry) {
      this.telemetry = telemetry;
      return this;
    }

    /** The DNS server dns_sd asks instead of the system's. */
    public Builder dnsServer(InetSocketAddress server) {
      this.dnsServer = Optional.of(server);
      return this;
    }

    public AllocatorApp start() {
      return new AllocatorApp(this);
    }
  }
}
