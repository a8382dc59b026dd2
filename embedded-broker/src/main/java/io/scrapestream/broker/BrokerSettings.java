package io.scrapestream.broker;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How to run the embedded broker.
 *
 * @param dataDir where the broker keeps its logs; formatted on first use
 * @param port the client port on 127.0.0.1, or 0 for any free port
 * @param defaultPartitions partitions of topics created without an explicit count
 * @param retentionHours how long records are kept
 * @param overrides further broker properties, applied last
 * @param saslSsl an optional second client listener with SASL_SSL and SCRAM
 */
public record BrokerSettings(
    Path dataDir,
    int port,
    int defaultPartitions,
    int retentionHours,
    Map<String, String> overrides,
    Optional<SaslSslListener> saslSsl) {

  public BrokerSettings {
    Objects.requireNonNull(dataDir, "dataDir");
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be 0..65535. Found: " + port);
    }
    if (defaultPartitions < 1) {
      throw new IllegalArgumentException(
          "defaultPartitions must be >= 1. Found: " + defaultPartitions);
    }
    if (retentionHours < 1) {
      throw new IllegalArgumentException("retentionHours must be >= 1. Found: " + retentionHours);
    }
    overrides = Map.copyOf(overrides);
    Objects.requireNonNull(saslSsl, "saslSsl");
  }

  /** Settings with the PLAINTEXT listener only. */
  public BrokerSettings(
      Path dataDir,
      int port,
      int defaultPartitions,
      int retentionHours,
      Map<String, String> overrides) {
    this(dataDir, port, defaultPartitions, retentionHours, overrides, Optional.empty());
  }

  /** A broker on any free port, 3 partitions per topic, records kept for a day. */
  public static BrokerSettings inDirectory(Path dataDir) {
    return new BrokerSettings(dataDir, 0, 3, 24, Map.of());
  }

  public BrokerSettings withPort(int newPort) {
    return new BrokerSettings(
        dataDir, newPort, defaultPartitions, retentionHours, overrides, saslSsl);
  }

  /** These settings with a SASL_SSL listener beside the PLAINTEXT one. */
  public BrokerSettings withSaslSsl(SaslSslListener listener) {
    return new BrokerSettings(
        dataDir, port, defaultPartitions, retentionHours, overrides, Optional.of(listener));
  }
}
