package io.scrapestream.core.kafka;

import io.scrapestream.core.config.EnrichSettings;
import io.scrapestream.core.config.KafkaSettings;
import java.util.HashMap;
import java.util.Map;

/**
 * The one place where Kafka client properties are built from typed configuration, per client type.
 * Every client gets the connection's security properties ({@link KafkaSecurityProperties}). The
 * user's {@code kafka.client_properties} are applied last, so they can override any default.
 */
public final class KafkaClientProperties {
  private KafkaClientProperties() {}

  /**
   * Producer of scrape batches: idempotent, acknowledged by all in-sync replicas, compressed with
   * lz4. Measured on the quiet machine (bench/README.md, "Compression"): zstd takes a quarter fewer
   * bytes on the broker but costs the scraper ~0.6 CPU-s per million samples more, in the
   * producer's network thread; users who pay more for bytes than CPU set {@code
   * kafka.client_properties: {compression.type: zstd}}. Lingers 100 ms: a scraper sends one record
   * per scrape, spread over the topic's partitions, so a 5 ms linger made nearly one produce
   * request per record (200 targets at 1 s: 64 requests/s, 177 partition appends/s; the broker's
   * CPU is per request and per append, bench/RESULTS.md); 20 ms made 26/s and 122/s, 100 ms 9/s and
   * 81/s. The whole pipeline's CPU at N=200 on the quiet machine did not separate the two beyond
   * its run-to-run noise (100 ms: 5.09, 5.85, 6.56; 20 ms: 5.40, 6.20 CPU-s per million), p99
   * latency 1.60–1.72 s vs 1.70–1.78 s; fewer requests is what is known to cost the broker less.
   * (100 ms once made the scraper skip scrapes, when its back-pressure allowed only 64
   * unacknowledged batches; it bounds 32 MiB now.) A caller that needs a record stored at once
   * calls {@code flush()}.
   */
  public static Map<String, Object> producer(KafkaSettings kafka, String clientId) {
    Map<String, Object> props = base(kafka, clientId);
    props.put("enable.idempotence", "true");
    props.put("acks", "all");
    props.put("compression.type", "lz4");
    props.put("linger.ms", "100");
    props.put("batch.size", String.valueOf(256 * 1024));
    props.put("max.request.size", String.valueOf(16 * 1024 * 1024));
    props.put("delivery.timeout.ms", "120000");
    return withOverrides(props, kafka);
  }

  /** Consumer of a sink: offsets committed by the sink after the backend acknowledged. */
  public static Map<String, Object> consumer(KafkaSettings kafka, String clientId, String groupId) {
    Map<String, Object> props = base(kafka, clientId);
    props.put("group.id", groupId);
    props.put("enable.auto.commit", "false");
    props.put("auto.offset.reset", "earliest");
    props.put("isolation.level", "read_committed");
    props.put("max.partition.fetch.bytes", String.valueOf(16 * 1024 * 1024));
    return withOverrides(props, kafka);
  }

  /**
   * A Kafka Streams application. Producer batches of 1 MiB: a batch of a few hundred series is tens
   * of KiB, and each producer batch starts an LZ4 frame whose set-up cost exceeded the compression
   * of one such record. The main consumer waits for 256 KiB or 100 ms per fetch instead of
   * returning each record as it arrives (200 targets at 1 s: 42 fetches/s before, 10 after). No
   * task idling ({@code max.task.idle.ms: -1}): each task reads one partition of one topic, so
   * there is nothing to align, and with the default Kafka Streams formats a log string for every
   * empty partition on every loop (5% of the stream thread in a profile).
   */
  public static Map<String, Object> streams(KafkaSettings kafka, EnrichSettings enrich) {
    Map<String, Object> props = base(kafka, enrich.applicationId());
    props.remove("client.id");
    props.put("application.id", enrich.applicationId());
    props.put("processing.guarantee", enrich.processingGuarantee().kafkaValue());
    props.put("producer.compression.type", "lz4");
    props.put("producer.batch.size", String.valueOf(1024 * 1024));
    props.put("producer.max.request.size", String.valueOf(16 * 1024 * 1024));
    props.put("consumer.max.partition.fetch.bytes", String.valueOf(16 * 1024 * 1024));
    props.put("main.consumer.fetch.min.bytes", String.valueOf(256 * 1024));
    props.put("main.consumer.fetch.max.wait.ms", "100");
    props.put("max.task.idle.ms", "-1");
    return withOverrides(props, kafka);
  }

  /** An admin client (topics). */
  public static Map<String, Object> admin(KafkaSettings kafka, String clientId) {
    return withOverrides(base(kafka, clientId), kafka);
  }

  private static Map<String, Object> base(KafkaSettings kafka, String clientId) {
    Map<String, Object> props = new HashMap<>();
    props.put("bootstrap.servers", kafka.bootstrapServers());
    props.put("client.id", clientId);
    props.putAll(KafkaSecurityProperties.of(kafka.security()));
    return props;
  }

  private static Map<String, Object> withOverrides(Map<String, Object> props, KafkaSettings kafka) {
    props.putAll(kafka.clientProperties());
    return props;
  }
}
