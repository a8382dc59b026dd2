package io.scrapestream.it.faults;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.scrapestream.cli.topics.TopicsApplier;
import io.scrapestream.core.config.ConfigException;
import io.scrapestream.core.config.ScrapestreamConfig;
import io.scrapestream.enrich.EnrichApp;
import io.scrapestream.enrich.topology.EnrichListener;
import io.scrapestream.ingest.IngestApp;
import io.scrapestream.ingest.telemetry.PrometheusScrapeListener;
import io.scrapestream.sink.SinkApp;
import io.scrapestream.sink.SinkListener;
import io.scrapestream.testsupport.process.ChildJvm;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * The whole pipeline of a fault scenario: the real scraper ({@link IngestApp}) scraping the
 * sequence targets, the real enrichment ({@link EnrichApp}) and the real sink ({@link SinkApp}) on
 * a broker the scenario owns or shares. Scraper and enrichment run in this JVM; the sink too, or in
 * a child JVM ({@link SinkChildMain}) where the scenario kills it with SIGKILL.
 */
final class FaultPipeline implements AutoCloseable {
  private static final Duration CHILD_START = Duration.ofSeconds(60);

  private final PipelineSpec spec;
  private final ScrapestreamConfig config;
  private final Path dir;
  private final ScrapeRecorder recorder = new ScrapeRecorder();
  private final PrometheusRegistry registry = new PrometheusRegistry();
  private IngestApp ingest;
  private EnrichApp enrich;
  private SinkApp sink;
  private ChildJvm sinkChild;

  private FaultPipeline(PipelineSpec spec, Path dir) throws ConfigException {
    this.spec = spec;
    this.config = spec.config();
    this.dir = dir;
  }

  /**
   * Creates the topics and starts enrichment and the scraper; the sink is started apart ({@link
   * #startSink()} or {@link #startSinkChild(String)}).
   */
  static FaultPipeline start(PipelineSpec spec, Path dir) throws Exception {
    FaultPipeline pipeline = new FaultPipeline(spec, dir);
    try {
      TopicsApplier.apply(pipeline.config, TopicsApplier.topics(pipeline.config, 3, (short) 1));
      pipeline.enrich =
          EnrichApp.start(pipeline.config, EnrichListener.NO_OP, Optional.of(dir.resolve("state")));
      pipeline.ingest =
          IngestApp.start(
              pipeline.config,
              new PrometheusScrapeListener(pipeline.registry).andThen(pipeline.recorder),
              "fault-it");
    } catch (Exception | Error e) {
      pipeline.close();
      throw e;
    }
    return pipeline;
  }

  /** Starts the sink in this JVM. */
  void startSink() {
    sink = SinkApp.start(config, SinkListener.NO_OP);
  }

  /** Starts the sink in a child JVM ({@code -Xmx256m}), its output in {@code <name>.log}. */
  ChildJvm startSinkChild(String name) throws IOException {
    Path file = Files.writeString(dir.resolve(name + ".yaml"), spec.yaml());
    sinkChild = ChildJvm.start(SinkChildMain.class, log(name), CHILD_START, file.toString());
    return sinkChild;
  }

  /** Where the child JVM {@code name} writes its output. */
  Path log(String name) {
    return dir.resolve(name + ".log");
  }

  ScrapeRecorder recorder() {
    return recorder;
  }

  /**
   * The scraper's self-metric {@code scrapestream_ingest_scrapes_skipped_total}, every reason
   * summed.
   */
  long skippedMetric() {
    long total = 0;
    for (MetricSnapshot snapshot : registry.scrape()) {
      if (snapshot instanceof CounterSnapshot counter
          && counter.getMetadata().getName().equals("scrapestream_ingest_scrapes_skipped")) {
        total += (long) counter.getDataPoints().stream().mapToDouble(p -> p.getValue()).sum();
      }
    }
    return total;
  }

  /** Stops the scraper, so the targets answer no more scrapes. */
  void stopScraping() throws InterruptedException {
    if (ingest != null) {
      ingest.close();
      ingest = null;
    }
  }

  /** Stops every role this pipeline started; an interrupt is kept for the caller. */
  @Override
  public void close() {
    try {
      stopScraping();
      if (sink != null) {
        sink.close();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      if (enrich != null) {
        enrich.close();
      }
      if (sinkChild != null) {
        sinkChild.close();
      }
    }
  }
}
