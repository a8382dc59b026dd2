package io.scrapestream.ingest;

import io.scrapestream.core.config.ScrapeConfig;
import io.scrapestream.core.config.ScraperAllocatorSettings;
import io.scrapestream.core.config.ScrapestreamConfig;
import io.scrapestream.core.kafka.KafkaClientProperties;
import io.scrapestream.core.kafka.Topics;
import io.scrapestream.core.target.StaticTargets;
import io.scrapestream.ingest.assign.AllocatorApi;
import io.scrapestream.ingest.assign.AllocatorPoller;
import io.scrapestream.ingest.assign.AssignmentListener;
import io.scrapestream.ingest.assign.AssignmentLoop;
import io.scrapestream.ingest.assign.ScrapeAssignment;
import io.scrapestream.ingest.publish.BatchChunker;
import io.scrapestream.ingest.publish.BatchPublisher;
import io.scrapestream.ingest.publish.KafkaBatchPublisher;
import io.scrapestream.ingest.scrape.MetricRelabeling;
import io.scrapestream.ingest.scrape.ScrapeClient;
import io.scrapestream.ingest.scrape.ScrapeJob;
import io.scrapestream.ingest.scrape.ScrapeListener;
import io.scrapestream.ingest.scrape.ScrapeScheduler;
import io.scrapestream.ingest.scrape.ScrapeThreads;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The scraper role: scrapes its targets and publishes to {@code samples.raw}. The targets are those
 * of the static {@code scrape_configs}, and, with {@code scraper.allocator}, those the allocator
 * assigns to this scraper, polled at run time.
 */
public final class IngestApp implements AutoCloseable {
  private final BatchPublisher publisher;
  private final ScrapeScheduler scheduler;
  private final Optional<AssignmentLoop> loop;

  private IngestApp(
      BatchPublisher publisher, ScrapeScheduler scheduler, Optional<AssignmentLoop> loop) {
    this.publisher = publisher;
    this.scheduler = scheduler;
    this.loop = loop;
  }

  /** Starts scraping, without self-metrics of the allocator polls. */
  public static IngestApp start(
      ScrapestreamConfig config, ScrapeListener listener, String version) {
    return start(config, listener, AssignmentListener.NO_OP, version);
  }

  /**
   * Starts scraping the static targets at once, or, with {@code scraper.allocator}, polls the
   * allocator now and at every refresh interval (the static jobs it does not serve start with the
   * first answer).
   */
  public static IngestApp start(
      ScrapestreamConfig config,
      ScrapeListener listener,
      AssignmentListener assignmentListener,
      String version) {
    BatchPublisher publisher = publisher(config, listener);
    Optional<ScraperAllocatorSettings> allocator = config.scraper().allocator();
    ScrapeScheduler scheduler = scheduler(config, publisher, listener);
    ScrapeAssignment assignment =
        new ScrapeAssignment(scheduler, config.scrapeConfigs(), jobs(config, listener, version));
    if (allocator.isEmpty()) {
      assignment.apply(List.of());
      return new IngestApp(publisher, scheduler, Optional.empty());
    }
    String userAgent = "Scrapestream/" + version;
    AssignmentLoop loop =
        new AssignmentLoop(
            allocator.get(),
            new AllocatorPoller(new AllocatorApi(allocator.get(), userAgent)),
            assignment,
            assignmentListener);
    return new IngestApp(publisher, scheduler, Optional.of(loop.start()));
  }

  /** {@code scraper.scrape_threads} when set, else by cores and targets: {@link ScrapeThreads}. */
  private static ScrapeScheduler scheduler(
      ScrapestreamConfig config, BatchPublisher publisher, ScrapeListener listener) {
    int staticTargets =
        config.scrapeConfigs().stream().mapToInt(job -> StaticTargets.of(job).size()).sum();
    int configured = config.scraper().scrapeThreads();
    int threads =
        configured > 0
            ? configured
            : ScrapeThreads.count(
                Runtime.getRuntime().availableProcessors(),
                config.scraper().allocator().isPresent(),
                staticTargets);
    BatchChunker chunker = new BatchChunker(Math.toIntExact(config.scraper().maxBatchBytes()));
    return new ScrapeScheduler(publisher, listener, Clock.systemUTC(), threads, chunker);
  }

  private static Function<ScrapeConfig, ScrapeJob> jobs(
      ScrapestreamConfig config, ScrapeListener listener, String version) {
    String scraperId = config.scraper().id();
    Clock clock = Clock.systemUTC();
    return job ->
        new ScrapeJob(
            new ScrapeClient(job.http(), "Scrapestream/" + version),
            job.limits(),
            job.format(),
            listener,
            clock,
            scraperId,
            MetricRelabeling.of(job.metricRelabelConfigs()));
  }

  private static BatchPublisher publisher(ScrapestreamConfig config, ScrapeListener listener) {
    return new KafkaBatchPublisher(
        KafkaClientProperties.producer(
            config.kafka(), "scrapestream-scraper-" + config.scraper().id()),
        Topics.samplesRaw(config.kafka()),
        listener);
  }

  /** How many targets this scraper scrapes now. */
  public int targets() {
    return scheduler.scheduledKeys().size();
  }

  @Override
  public void close() throws InterruptedException {
    if (loop.isPresent()) {
      loop.get().close();
    }
    scheduler.close();
    publisher.close();
  }
}
