package io.scrapestream.ingest.telemetry;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.scrapestream.ingest.assign.AssignmentListener;
import io.scrapestream.ingest.assign.PollFailure;

/**
 * Self-metrics of the allocator polls: {@code scrapestream_ingest_allocator_polls_total}, {@code
 * scrapestream_ingest_allocator_poll_errors_total{reason}} and {@code
 * scrapestream_ingest_assigned_targets}.
 */
public final class PrometheusAssignmentListener implements AssignmentListener {
  private final Counter polls;
  private final Counter errors;
  private final Gauge targets;

  public PrometheusAssignmentListener(PrometheusRegistry registry) {
    polls =
        Counter.builder()
            .name("scrapestream_ingest_allocator_polls_total")
            .help("Polls that read the allocator's /scrape_configs and applied the assignment.")
            .register(registry);
    errors =
        Counter.builder()
            .name("scrapestream_ingest_allocator_poll_errors_total")
            .help(
                "Failed polls, or jobs and targets of a poll, by reason; the last assignment stays.")
            .labelNames("reason")
            .register(registry);
    targets =
        Gauge.builder()
            .name("scrapestream_ingest_assigned_targets")
            .help("Targets this scraper scrapes after the last applied assignment.")
            .register(registry);
    for (PollFailure reason : PollFailure.values()) {
      errors.labelValues(reason.label());
    }
  }

  @Override
  public void polled(int assigned) {
    polls.inc();
    targets.set(assigned);
  }

  @Override
  public void failed(PollFailure reason) {
    errors.labelValues(reason.label()).inc();
  }
}
