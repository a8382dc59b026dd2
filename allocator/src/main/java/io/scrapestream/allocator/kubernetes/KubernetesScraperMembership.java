package io.scrapestream.allocator.kubernetes;

import io.scrapestream.allocator.membership.ScraperMembership;
import io.scrapestream.core.config.KubernetesAllocatorSettings;
import io.scrapestream.core.config.LabelSelector;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scrapers of a Kubernetes deployment: the pods of one namespace matching a label selector,
 * from the shared pod informer. A pod counts while its {@code Ready} condition is true and for
 * {@code not_ready_grace} after it turned not-ready; a deleted pod leaves at once. A member's id is
 * its pod name, which is stable for StatefulSet pods ({@code scraper-0}, ...) and is what a scraper
 * sends as {@code collector_id}. Listeners run after every change of {@link #ready()}.
 */
public final class KubernetesScraperMembership implements ScraperMembership {
  private static final Logger LOG = LoggerFactory.getLogger(KubernetesScraperMembership.class);

  private final LabelSelector selector;
  private final String namespace;
  private final Clock clock;
  private final ScheduledExecutorService scheduler;
  private final MembershipState state;
  private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
  private final Runnable unsubscribe;
  private SortedSet<String> members = Collections.emptySortedSet();

  /**
   * Starts watching. {@code scheduler} runs the re-evaluation when a grace period ends; {@code
   * clock} tells the time.
   */
  public KubernetesScraperMembership(
      KubernetesInformers informers,
      Selection selection,
      Clock clock,
      ScheduledExecutorService scheduler) {
    this.selector = selection.selector();
    this.namespace = selection.namespace();
    this.clock = clock;
    this.scheduler = scheduler;
    this.state = new MembershipState(selection.notReadyGrace());
    KindCache<PodSnapshot> pods = informers.cache(ResourceKind.POD);
    this.unsubscribe = pods.subscribe((key, previous, current) -> podChanged(previous, current));
    LOG.info("Scraper membership started: namespace={} selector={}", namespace, selector);
  }

  /** Which pods are scrapers: a selector, a namespace and the not-ready grace. */
  public record Selection(LabelSelector selector, String namespace, Duration notReadyGrace) {
    /**
     * From {@code allocator.kubernetes}; the namespace defaults to {@code ownNamespace}.
     *
     * @throws IllegalArgumentException when no scraper selector is configured, or no namespace
     */
    public static Selection of(
        KubernetesAllocatorSettings settings, java.util.Optional<String> ownNamespace) {
      LabelSelector selector =
          settings
              .scraperSelector()
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "allocator.kubernetes.scraper_selector must be set for Kubernetes membership. Found: nothing"));
      String namespace =
          settings
              .scraperNamespace()
              .or(() -> ownNamespace)
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "allocator.kubernetes.scraper_namespace must be set outside a cluster. Found: nothing"));
      return new Selection(selector, namespace, settings.notReadyGrace());
    }
  }

  /** The ids (pod names) of the current members, sorted. */
  public synchronized SortedSet<String> ready() {
    return members;
  }

  /**
   * Runs {@code listener} after every change of {@link #ready()}, on an informer or timer thread.
   */
  public void onChange(Runnable listener) {
    listeners.add(listener);
  }

  private void podChanged(PodSnapshot previous, PodSnapshot current) {
    synchronized (this) {
      Instant now = clock.instant();
      if (current != null && selects(current)) {
        state.observe(current.meta().name(), current.isReady(), now);
        if (!current.isReady()) {
          state.nextExpiry().ifPresent(this::scheduleAt);
        }
      } else if (previous != null && selects(previous)) {
        state.remove(previous.meta().name());
      }
    }
    reevaluate();
  }

  private boolean selects(PodSnapshot pod) {
    return pod.meta().namespace().equals(namespace) && selector.matches(pod.meta().labels());
  }

  private void scheduleAt(Instant expiry) {
    long delay = Math.max(0, Duration.between(clock.instant(), expiry).toMillis());
    scheduler.schedule(this::reevaluate, delay, TimeUnit.MILLISECONDS);
  }

  private void reevaluate() {
    SortedSet<String> now;
    synchronized (this) {
      now = Collections.unmodifiableSortedSet(new TreeSet<>(state.members(clock.instant())));
      if (now.equals(members)) {
        return;
      }
      members = now;
    }
    LOG.info("Scraper members changed: {}", now);
    for (Runnable listener : listeners) {
      try {
        listener.run();
      } catch (RuntimeException e) {
        LOG.error("Membership listener failed", e);
      }
    }
  }

  @Override
  public void close() {
    unsubscribe.run();
  }
}
