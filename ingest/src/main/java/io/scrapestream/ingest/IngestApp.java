package io.scrapestream.ingest;

import io.scrapestream.core.config.ScrapeConfig;
import io.scrapestream.core.config.ScrapestreamConfig;
import io.scrapestream.core.kafka.KafkaClientProperties;
import io.scrapestream.core.kafka.Topics;
import io.scrapestream.core.target.StaticTargets;
import io.scrapestream.ingest.publish.BatchChunker;
import io.scrapestream.ingest.publish.BatchPublisher;
import io.scrapestream.ingest.publish.KafkaBatchPublisher;
import io.scrapestream.ingest.scrape.MetricRelabeling;
import io.scrapestream.ingest.scrape.ScrapeClient;
import io.scrapestream.ingest.scrape.ScrapeJob;
import io.scrapestream.ingest.scrape.ScrapeListener;
import io.scrapestream.ingest.scrape.ScrapeScheduler;
import io.scrapestream.ingest.scrape.TargetScraper;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** The scraper role: scrapes the configured targets and publishes to {@code samples.raw}. */
public final class IngestApp implements AutoCloseable {
  private final BatchPublisher publisher;
  private final ScrapeScheduler scheduler;
  private final int targets;

  private IngestApp(BatchPublisher publisher, ScrapeScheduler scheduler, int targets) {
    this.publisher = publisher;
    this.scheduler = scheduler;
    this.targets = targets;
  }

  /** Starts scraping every target of the static configuration. */
  public static IngestApp start(
      ScrapestreamConfig config, ScrapeListener listener, String version) {
    String scraperId = config.scraper().id();
    BatchPublisher publisher = publisher(config, listener);
    Clock clock = Clock.systemUTC();
    Function<ScrapeConfig, ScrapeJob> jobs =
        job ->
            new ScrapeJob(
                new ScrapeClient(job.http(), "Scrapestream/" + version),
                job.limits(),
                job.format(),
                listener,
                clock,
                scraperId,
                MetricRelabeling.of(job.metricRelabelConfigs()));
    List<TargetScraper> scrapers = new ArrayList<>();
    for (ScrapeConfig jobConfig : config.scrapeConfigs()) {
      ScrapeJob job = jobs.apply(jobConfig);
      StaticTargets.of(jobConfig).forEach(target -> scrapers.add(new TargetScraper(target, job)));
    }
    int threads = Math.max(2, Math.min(16, scrapers.size()));
    BatchChunker chunker = new BatchChunker(Math.toIntExact(config.scraper().maxBatchBytes()));
    ScrapeScheduler scheduler = new ScrapeScheduler(publisher, listener, clock, threads, chunker);
    scheduler.schedule(scrapers);
    return new IngestApp(publisher, scheduler, scrapers.size());
  }

  private static BatchPublisher publisher(ScrapestreamConfig config, ScrapeListener listener) {
    return new KafkaBatchPublisher(
        KafkaClientProperties.producer(
            config.kafka(), "scrapestream-scraper-" + config.scraper().id()),
        Topics.samplesRaw(config.kafka()),
        listener);
  }

  /** How many targets this scraper scrapes. */
  public int targets() {
    return targets;
  }

  @Override
  public void close() throws InterruptedException {
    scheduler.close();
    publisher.close();
  }
}
