package io.scrapestream.broker;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.Feature;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Kafka broker (KRaft, combined broker and controller) running in this JVM.
 *
 * <p>Used by {@code scrapestream standalone} and by tests. The data directory is formatted on first
 * start and reused afterwards, so a broker restarted on the same directory keeps its topics,
 * records and committed offsets.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);
  private static final int NODE_ID = 1;
  private static final String CONTROLLER_LISTENER = "CONTROLLER";

  private final BrokerSettings settings;
  private final KafkaRaftServer server;
  private final Ports ports;

  /** The ports this broker listens on; {@code saslSsl} is 0 without that listener. */
  private record Ports(int plaintext, int saslSsl, int controller) {}

  private EmbeddedKafkaBroker(BrokerSettings settings, Ports ports, KafkaRaftServer server) {
    this.settings = settings;
    this.ports = ports;
    this.server = server;
  }

  /** Formats the data directory if needed, starts the broker and returns once it serves clients. */
  public static EmbeddedKafkaBroker start(BrokerSettings settings) {
    try {
      Path logDir = settings.dataDir().resolve("kraft-logs");
      Files.createDirectories(logDir);
      int saslSslPort = 0;
      if (settings.saslSsl().isPresent()) {
        int wanted = settings.saslSsl().get().port();
        saslSslPort = wanted == 0 ? freePort() : wanted;
      }
      Ports ports =
          new Ports(settings.port() == 0 ? freePort() : settings.port(), saslSslPort, freePort());
      KafkaConfig config = new KafkaConfig(properties(settings, logDir, ports), false);
      formatIfNeeded(logDir, settings);
      KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
      server.startup();
      LOG.info("Kafka broker started on 127.0.0.1:{}, data in {}", ports.plaintext(), logDir);
      return new EmbeddedKafkaBroker(settings, ports, server);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot prepare broker data directory " + settings.dataDir(), e);
    }
  }

  /** The {@code bootstrap.servers} value for clients of this broker. */
  public String bootstrapServers() {
    return "127.0.0.1:" + ports.plaintext();
  }

  /** The {@code bootstrap.servers} value of the SASL_SSL listener. */
  public String saslSslBootstrapServers() {
    if (settings.saslSsl().isEmpty()) {
      throw new IllegalStateException("this broker has no SASL_SSL listener");
    }
    return "127.0.0.1:" + ports.saslSsl();
  }

  public Path dataDir() {
    return settings.dataDir();
  }

  @Override
  public void close() {
    server.shutdown();
    server.awaitShutdown();
    LOG.info("Kafka broker on 127.0.0.1:{} stopped", ports.plaintext());
  }

  private static Properties properties(BrokerSettings settings, Path logDir, Ports ports) {
    Properties props = new Properties();
    props.put("process.roles", "broker,controller");
    props.put("node.id", String.valueOf(NODE_ID));
    props.put("controller.quorum.voters", NODE_ID + "@127.0.0.1:" + ports.controller());
    putListeners(props, settings, ports);
    props.put("log.dirs", logDir.toString());
    props.put("num.partitions", String.valueOf(settings.defaultPartitions()));
    props.put("offsets.topic.replication.factor", "1");
    props.put("offsets.topic.num.partitions", "5");
    props.put("transaction.state.log.replication.factor", "1");
    props.put("transaction.state.log.min.isr", "1");
    props.put("share.coordinator.state.topic.replication.factor", "1");
    props.put("share.coordinator.state.topic.min.isr", "1");
    props.put("group.initial.rebalance.delay.ms", "0");
    props.put("auto.create.topics.enable", "true");
    props.put("log.retention.hours", String.valueOf(settings.retentionHours()));
    props.put("log.segment.bytes", String.valueOf(64 * 1024 * 1024));
    props.putAll(settings.overrides());
    return props;
  }

  /** The PLAINTEXT client listener, the optional SASL_SSL one and the controller's. */
  private static void putListeners(Properties props, BrokerSettings settings, Ports ports) {
    String clients = "PLAINTEXT://127.0.0.1:" + ports.plaintext();
    String protocols = "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT";
    if (settings.saslSsl().isPresent()) {
      clients += ",SASL_SSL://127.0.0.1:" + ports.saslSsl();
      protocols += ",SASL_SSL:SASL_SSL";
      props.putAll(SaslSslProperties.of(settings.saslSsl().get()));
    }
    props.put(
        "listeners", clients + "," + CONTROLLER_LISTENER + "://127.0.0.1:" + ports.controller());
    props.put("advertised.listeners", clients);
    props.put("controller.listener.names", CONTROLLER_LISTENER);
    props.put("inter.broker.listener.name", "PLAINTEXT");
    props.put("listener.security.protocol.map", protocols);
  }

  private static void formatIfNeeded(Path logDir, BrokerSettings settings) {
    if (Files.exists(logDir.resolve("meta.properties"))) {
      return;
    }
    try {
      new Formatter()
          .setScramArguments(
              settings.saslSsl().map(l -> List.of(l.scramArgument())).orElse(List.of()))
          .setPrintStream(
              new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8))
          .setNodeId(NODE_ID)
          .setClusterId(Uuid.randomUuid().toString())
          .setDirectories(List.of(logDir.toString()))
          .setMetadataLogDirectory(logDir.toString())
          .setControllerListenerName(CONTROLLER_LISTENER)
          .setSupportedFeatures(Feature.PRODUCTION_FEATURES)
          .setReleaseVersion(MetadataVersion.latestProduction())
          .setIgnoreFormatted(true)
          .run();
    } catch (Exception e) {
      throw new IllegalStateException("cannot format Kafka storage in " + logDir, e);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    }
  }
}
