package io.scrapestream.core.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** Reads the {@code kafka} section, with its security keys ({@code security_protocol}, ...). */
final class KafkaSettingsReader {
  private KafkaSettingsReader() {}

  static KafkaSettings read(MappingReader m) {
    String bootstrapServers =
        m.string(
            "bootstrap_servers",
            KafkaSettings.DEFAULT_BOOTSTRAP_SERVERS,
            ConfigRules.BOOTSTRAP_SERVERS);
    String topicPrefix =
        m.string("topic_prefix", KafkaSettings.DEFAULT_TOPIC_PREFIX, ConfigRules.TOPIC_PREFIX);
    Map<String, String> clientProperties =
        m.stringMap("client_properties", ConfigRules.NOT_EMPTY, ValueRule.any());
    KafkaSecurity security = security(m);
    m.finish();
    return new KafkaSettings(bootstrapServers, topicPrefix, clientProperties, security);
  }

  private static KafkaSecurity security(MappingReader m) {
    KafkaSecurityProtocol protocol =
        KafkaSecurityProtocol.fromName(
                m.string(
                    "security_protocol",
                    KafkaSecurityProtocol.PLAINTEXT.name(),
                    ValueRule.oneOf(KafkaSecurityProtocol.names())))
            .orElseThrow();
    boolean saslSet = m.value("sasl").isPresent();
    boolean tlsSet = m.value("tls").isPresent();
    Optional<KafkaSasl> sasl = saslSet ? sasl(m.mapping("sasl")) : Optional.empty();
    Optional<KafkaTls> tls = tlsSet ? tls(m.mapping("tls")) : Optional.empty();
    String found = ConfigProblems.quote(protocol.name());
    if (protocol.usesSasl() && !saslSet) {
      m.problem("sasl", "must be set when security_protocol is " + protocol, "nothing");
    }
    if (!protocol.usesSasl() && saslSet) {
      m.problem(
          "sasl", "must only be set with security_protocol SASL_PLAINTEXT or SASL_SSL", found);
    }
    if (!protocol.usesTls() && tlsSet) {
      m.problem("tls", "must only be set with security_protocol SSL or SASL_SSL", found);
    }
    boolean consistent = protocol.usesSasl() == sasl.isPresent() && (protocol.usesTls() || !tlsSet);
    return consistent
        ? new KafkaSecurity(protocol, sasl, protocol.usesTls() ? tls : Optional.empty())
        : KafkaSecurity.plaintext();
  }

  private static void reportMismatches(
      MappingReader m, KafkaSecurityProtocol protocol, boolean saslSet, boolean tlsSet) {
    String found = ConfigProblems.quote(protocol.name());
    if (protocol.usesSasl() && !saslSet) {
      m.problem("sasl", "must be set when security_protocol is " + protocol, "nothing");
    }
    if (!protocol.usesSasl() && saslSet) {
      m.problem(
          "sasl", "must only be set with security_protocol SASL_PLAINTEXT or SASL_SSL", found);
    }
    if (!protocol.usesTls() && tlsSet) {
      m.problem("tls", "must only be set with security_protocol SSL or SASL_SSL", found);
    }
  }

  private static Optional<KafkaSasl> sasl(MappingReader m) {
    String mechanism =
        m.string(
            "mechanism",
            KafkaSaslMechanism.SCRAM_SHA_512.kafkaName(),
            ValueRule.oneOf(KafkaSaslMechanism.kafkaNames()));
    Optional<String> username = m.required("username", ConfigRules.NOT_EMPTY);
    int before = m.problemCount();
    Optional<Secret> password = SecretReader.read(m, "password", "password_file");
    if (password.isEmpty() && m.problemCount() == before) {
      m.problem("password", "must be set, or password_file", "nothing");
    }
    m.finish();
    if (username.isEmpty() || password.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new KafkaSasl(
            KafkaSaslMechanism.fromKafkaName(mechanism).orElseThrow(),
            username.get(),
            password.get()));
  }

  private static Optional<KafkaTls> tls(MappingReader m) {
    int before = m.problemCount();
    Optional<Path> ca =
        Optional.ofNullable(m.string("ca_file", null, ConfigRules.FILE_PATH)).map(Path::of);
    ca.ifPresent(path -> pem(m, "ca_file", path, KafkaClientCertificate.CERTIFICATE_MARKER));
    Optional<String> cert = Optional.ofNullable(m.string("cert_file", null, ConfigRules.FILE_PATH));
    Optional<String> key = Optional.ofNullable(m.string("key_file", null, ConfigRules.FILE_PATH));
    boolean skipVerify = m.bool("insecure_skip_verify", false);
    if (cert.isPresent() != key.isPresent()) {
      String missing = cert.isPresent() ? "key_file" : "cert_file";
      String present = cert.isPresent() ? "cert_file" : "key_file";
      m.problem(missing, "must be set together with " + present, "nothing");
    }
    Optional<KafkaClientCertificate> client = Optional.empty();
    if (cert.isPresent() && key.isPresent()) {
      client = clientCertificate(m, Path.of(cert.get()), Path.of(key.get()));
    }
    m.finish();
    return m.problemCount() == before
        ? Optional.of(new KafkaTls(ca, client, skipVerify))
        : Optional.empty();
  }

  private static Optional<KafkaClientCertificate> clientCertificate(
      MappingReader m, Path certFile, Path keyFile) {
    Optional<String> chain =
        pem(m, "cert_file", certFile, KafkaClientCertificate.CERTIFICATE_MARKER);
    Optional<String> key = pem(m, "key_file", keyFile, KafkaClientCertificate.PKCS8_MARKER);
    if (chain.isEmpty() || key.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new KafkaClientCertificate(chain.get(), new Secret(key.get())));
  }

  /** The file's text when it is readable and holds {@code marker}, else a problem. */
  private static Optional<String> pem(MappingReader m, String key, Path file, String marker) {
    String text;
    try {
      text = Files.readString(file);
    } catch (IOException | RuntimeException e) {
      m.problem(
          key,
          "must name a readable PEM file",
          ConfigProblems.quote(file.toString()) + " (" + e.getClass().getSimpleName() + ")");
      return Optional.empty();
    }
    if (text.contains(marker)) {
      return Optional.of(text);
    }
    m.problem(key, "must name a PEM file holding " + marker, describePem(file, text));
    return Optional.empty();
  }

  /** What a PEM file holds instead, by its first BEGIN line; never its content. */
  private static String describePem(Path file, String text) {
    int begin = text.indexOf("-----BEGIN ");
    int end = begin < 0 ? -1 : text.indexOf("-----", begin + 11);
    String what = end < 0 ? "no PEM block" : text.substring(begin, end + 5);
    String hint =
        what.contains("RSA PRIVATE KEY") || what.contains("EC PRIVATE KEY")
            ? "; convert it with: openssl pkcs8 -topk8 -nocrypt"
            : "";
    return ConfigProblems.quote(file.toString()) + " with " + what + hint;
  }
}
