package io.scrapestream.broker;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** The broker properties of a {@link SaslSslListener}, all scoped to the SASL_SSL listener. */
final class SaslSslProperties {
  private static final String PREFIX = "listener.name.sasl_ssl.";

  private SaslSslProperties() {}

  static Map<String, String> of(SaslSslListener listener) {
    Map<String, String> props = new LinkedHashMap<>();
    String mechanism = listener.mechanism();
    props.put("sasl.enabled.mechanisms", mechanism);
    props.put(PREFIX + "sasl.enabled.mechanisms", mechanism);
    props.put(
        PREFIX + mechanism.toLowerCase(Locale.ROOT) + ".sasl.jaas.config",
        "org.apache.kafka.common.security.scram.ScramLoginModule required;");
    props.put(PREFIX + "ssl.keystore.type", "PEM");
    props.put(PREFIX + "ssl.keystore.certificate.chain", listener.certificateChain());
    props.put(PREFIX + "ssl.keystore.key", listener.privateKey());
    listener
        .clientCa()
        .ifPresent(
            ca -> {
              props.put(PREFIX + "ssl.client.auth", "required");
              props.put(PREFIX + "ssl.truststore.type", "PEM");
              props.put(PREFIX + "ssl.truststore.certificates", ca);
            });
    return props;
  }
}
