package io.scrapestream.sink.consume;

import io.scrapestream.core.config.BackendConfig;
import io.scrapestream.core.config.ConfigException;
import io.scrapestream.core.config.ConfigLoader;
import io.scrapestream.sink.SinkApp;
import io.scrapestream.sink.SinkListener;
import io.scrapestream.testsupport.kafka.KafkaFixture;
import java.time.Clock;
import java.util.Map;

/**
 * A sink worker on its own thread, built as the sink role builds it; closing stops and joins it.
 */
final class RunningWorker implements AutoCloseable {
  private final SinkWorker worker;
  private final Thread thread;

  private RunningWorker(SinkWorker worker) {
    this.worker = worker;
    this.thread = new Thread(worker, "sink-it");
    thread.start();
  }

  /**
   * Starts a worker of {@code group} on {@code topic} for the backend described by {@code yaml}
   * (one item of {@code backends}), dead-lettering to {@code dlq}.
   */
  static RunningWorker start(
      KafkaFixture.Broker broker, Topics topics, String yaml, SinkListener listener)
      throws ConfigException {
    return start(broker, topics, yaml, listener, Map.of());
  }

  /**
   * As {@link #start(KafkaFixture.Broker, Topics, String, SinkListener)}, with consumer properties.
   */
  static RunningWorker start(
      KafkaFixture.Broker broker,
      Topics topics,
      String yaml,
      SinkListener listener,
      Map<String, Object> consumerProperties)
      throws ConfigException {
    BackendConfig backend = backend(yaml);
    WorkerParts parts =
        new WorkerParts(
            SinkKafka.consumer(broker, topics.group(), consumerProperties),
            SinkApp.retryingExporter(backend, listener),
            new DeadLetterPublisher(SinkKafka.producer(broker), topics.dlq(), backend.name()),
            listener,
            Clock.systemUTC());
    return new RunningWorker(
        new SinkWorker(parts, new SinkOptions(topics.in(), backend.batch(), backend.delivery())));
  }

  static BackendConfig backend(String yaml) throws ConfigException {
    return ConfigLoader.load("backends: [" + yaml + "]\n", "test.yaml").backends().get(0);
  }

  /** The topic read, the dead-letter topic and the group of one test. */
  record Topics(String in, String dlq, String group) {
    static Topics unique(KafkaFixture.Broker broker, String test) {
      String prefix = broker.uniqueName(test);
      return new Topics(prefix + "out", prefix + "dlq", prefix + "group");
    }
  }

  @Override
  public void close() throws InterruptedException {
    worker.close();
    thread.join(30_000);
  }
}
