package io.scrapestream.core.kafka;

import io.scrapestream.core.config.KafkaClientCertificate;
import io.scrapestream.core.config.KafkaSasl;
import io.scrapestream.core.config.KafkaSecurity;
import io.scrapestream.core.config.KafkaTls;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Kafka client properties of {@code kafka.security_protocol}, {@code kafka.sasl} and {@code
 * kafka.tls}, shared by every client type of {@link KafkaClientProperties}. Certificates are PEM:
 * the CA file is the trust store ({@code ssl.truststore.type=PEM}), the client certificate and key
 * are passed inline ({@code ssl.keystore.type=PEM}). Kafka hides the key and the JAAS config
 * (password types) in its logs.
 */
final class KafkaSecurityProperties {
  private KafkaSecurityProperties() {}

  static Map<String, Object> of(KafkaSecurity security) {
    Map<String, Object> props = new LinkedHashMap<>();
    props.put("security.protocol", security.protocol().name());
    security.sasl().ifPresent(sasl -> putSasl(props, sasl));
    if (security.protocol().usesTls()) {
      putTls(props, security.tls().orElse(KafkaTls.defaults()));
    }
    return props;
  }

  private static void putSasl(Map<String, Object> props, KafkaSasl sasl) {
    props.put("sasl.mechanism", sasl.mechanism().kafkaName());
    props.put(
        "sasl.jaas.config",
        sasl.mechanism().loginModule()
            + " required username=\""
            + jaasEscape(sasl.username())
            + "\" password=\""
            + jaasEscape(sasl.password().reveal())
            + "\";");
  }

  private static void putTls(Map<String, Object> props, KafkaTls tls) {
    tls.caFile()
        .ifPresent(
            ca -> {
              props.put("ssl.truststore.type", "PEM");
              props.put("ssl.truststore.location", ca.toString());
            });
    tls.clientCertificate().ifPresent(client -> putClientCertificate(props, client));
    if (tls.insecureSkipVerify()) {
      props.put("ssl.endpoint.identification.algorithm", "");
    }
  }

  private static void putClientCertificate(
      Map<String, Object> props, KafkaClientCertificate client) {
    props.put("ssl.keystore.type", "PEM");
    props.put("ssl.keystore.certificate.chain", client.certificateChain());
    props.put("ssl.keystore.key", client.privateKey().reveal());
  }

  /** A JAAS quoted value: backslash and double quote escaped with a backslash. */
  static String jaasEscape(String value) {
    return value.replace("\\", "\\\\").replace("\"", "\\\"");
  }
}
