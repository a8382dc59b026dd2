package io.scrapestream.allocator.discovery;

/**
 * One service-discovery mechanism of one job ({@code static_configs}, {@code file_sd_configs},
 * {@code kubernetes_sd_configs}, ...), like Prometheus's {@code discovery.Discoverer}. It reports
 * the full state of every source it knows on start and each changed group afterwards.
 *
 * <p>A discoverer reports once soon after {@link #start}, even when that first attempt failed (then
 * with no groups), so that the allocator knows discovery has run. While its backend is unreachable
 * a discoverer reports nothing more: the groups last reported stay in force (never a mass removal
 * because a watch dropped).
 */
public interface Discoverer extends AutoCloseable {

  /** Starts discovery; {@code updates} may be called from the discoverer's own threads. */
  void start(TargetGroupListener updates);

  /** Stops discovery and releases its threads and connections; never throws a checked exception. */
  @Override
  void close();
}
