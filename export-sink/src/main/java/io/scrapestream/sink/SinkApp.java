package io.scrapestream.sink;

import io.scrapestream.core.config.BackendConfig;
import io.scrapestream.core.config.ElasticsearchConfig;
import io.scrapestream.core.config.ExporterConfig;
import io.scrapestream.core.config.FileExporterConfig;
import io.scrapestream.core.config.OtlpConfig;
import io.scrapestream.core.config.RemoteWriteConfig;
import io.scrapestream.core.config.ScrapestreamConfig;
import io.scrapestream.core.kafka.KafkaClientProperties;
import io.scrapestream.core.kafka.Topics;
import io.scrapestream.sink.consume.DeadLetterPublisher;
import io.scrapestream.sink.consume.SinkOptions;
import io.scrapestream.sink.consume.SinkWorker;
import io.scrapestream.sink.consume.WorkerParts;
import io.scrapestream.sink.elasticsearch.BulkEndpoint;
import io.scrapestream.sink.elasticsearch.ElasticsearchExporter;
import io.scrapestream.sink.file.FileExporter;
import io.scrapestream.sink.otlp.OtlpEndpoint;
import io.scrapestream.sink.otlp.OtlpExporter;
import io.scrapestream.sink.remotewrite.RemoteWriteExporters;
import io.scrapestream.sink.retry.RetryPolicy;
import io.scrapestream.sink.retry.RetryingExporter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The sink role: one consumer group per backend ({@code scrapestream-sink-<backend>}), each with
 * its own worker thread, exporter and dead-letter topic.
 */
public final class SinkApp implements AutoCloseable {
  private final List<SinkWorker> workers;
  private final List<Thread> threads;

  private SinkApp(List<SinkWorker> workers, List<Thread> threads) {
    this.workers = workers;
    this.threads = threads;
  }

  /** The consumer group of a backend. */
  public static String groupId(String backend) {
    return "scrapestream-sink-" + backend;
  }

  public static SinkApp start(ScrapestreamConfig config, SinkListener listener) {
    List<SinkWorker> workers = new ArrayList<>();
    List<Thread> threads = new ArrayList<>();
    for (BackendConfig backend : config.backends()) {
      SinkWorker worker = worker(config, backend, listener);
      Thread thread = new Thread(worker, "sink-" + backend.name());
      thread.start();
      workers.add(worker);
      threads.add(thread);
    }
    return new SinkApp(workers, threads);
  }

  private static SinkWorker worker(
      ScrapestreamConfig config, BackendConfig backend, SinkListener listener) {
    String clientId = groupId(backend.name());
    KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(
            KafkaClientProperties.consumer(config.kafka(), clientId, clientId),
            new StringDeserializer(),
            new ByteArrayDeserializer());
    return new SinkWorker(
        new WorkerParts(
            consumer,
            retryingExporter(backend, listener),
            deadLetters(config, backend, clientId),
            listener,
            Clock.systemUTC()),
        new SinkOptions(topic(config, backend), backend.batch(), backend.delivery()));
  }

  /**
   * The topic a backend's sink reads: {@code out.<backend>} when the backend has transforms (the
   * enrich app writes it), else {@code samples.enriched} directly.
   */
  public static String topic(ScrapestreamConfig config, BackendConfig backend) {
    return backend.transforms().isEmpty()
        ? Topics.samplesEnriched(config.kafka())
        : Topics.out(config.kafka(), backend.name());
  }

  /** The backend's exporter behind the retry decorator, as every sink and replay uses it. */
  public static Exporter retryingExporter(BackendConfig backend, SinkListener listener) {
    return new RetryingExporter(
        exporter(backend.name(), backend.exporter(), listener), RetryPolicy.defaults(), listener);
  }

  /** A publisher to the backend's {@code dlq.<backend>}, with its own producer. */
  public static DeadLetterPublisher deadLetters(
      ScrapestreamConfig config, BackendConfig backend, String clientId) {
    KafkaProducer<String, byte[]> producer =
        new KafkaProducer<>(
            KafkaClientProperties.producer(config.kafka(), clientId + "-dlq"),
            new StringSerializer(),
            new ByteArraySerializer());
    return new DeadLetterPublisher(
        producer, Topics.deadLetter(config.kafka(), backend.name()), backend.name());
  }

  /** The exporter a backend's configuration asks for. */
  static Exporter exporter(String backend, ExporterConfig config, SinkListener listener) {
    if (config instanceof RemoteWriteConfig rw) {
      return RemoteWriteExporters.create(backend, rw, listener);
    }
    if (config instanceof FileExporterConfig file) {
      return new FileExporter(backend, file.path());
    }
    if (config instanceof OtlpConfig otlp) {
      return new OtlpExporter(OtlpEndpoint.from(backend, otlp), listener);
    }
    if (config instanceof ElasticsearchConfig es) {
      return new ElasticsearchExporter(BulkEndpoint.from(backend, es), listener);
    }
    throw new IllegalArgumentException("no exporter for " + config.getClass().getSimpleName());
  }

  @Override
  public void close() throws InterruptedException {
    workers.forEach(SinkWorker::close);
    for (Thread thread : threads) {
      thread.join(30_000);
    }
  }
}
