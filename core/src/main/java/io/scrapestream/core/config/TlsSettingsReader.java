package io.scrapestream.core.config;

import java.util.Optional;

/** Reads a {@code tls_config} mapping into {@link TlsSettings}, with Prometheus's checks. */
final class TlsSettingsReader {
  private static final ValueRule<String> VERSION = ValueRule.oneOf(TlsVersion.configNames());

  private TlsSettingsReader() {}

  static TlsSettings read(MappingReader m) {
    Optional<SecretSource> ca = ScrapeHttpConfigReader.oneOf(m, "ca", "ca_file");
    Optional<SecretSource> cert = ScrapeHttpConfigReader.oneOf(m, "cert", "cert_file");
    Optional<SecretSource> key = ScrapeHttpConfigReader.oneOf(m, "key", "key_file");
    Optional<String> serverName =
        Optional.of(m.string("server_name", "")).filter(s -> !s.isEmpty());
    boolean insecureSkipVerify = m.bool("insecure_skip_verify", false);
    Optional<TlsVersion> min = version(m, "min_version");
    Optional<TlsVersion> max = version(m, "max_version");
    m.finish();
    if (cert.isPresent() && key.isEmpty()) {
      m.problem("must set key or key_file when a client certificate is configured", "cert only");
      cert = Optional.empty();
    } else if (key.isPresent() && cert.isEmpty()) {
      m.problem("must set cert or cert_file when a client key is configured", "key only");
      key = Optional.empty();
    }
    if (min.isPresent() && max.isPresent() && max.get().compareTo(min.get()) < 0) {
      m.problem(
          "max_version", "must not be below min_version (" + min.get() + ")", max.get().name());
      max = Optional.empty();
    }
    return new TlsSettings(ca, cert, key, serverName, insecureSkipVerify, min, max);
  }

  private static Optional<TlsVersion> version(MappingReader m, String key) {
    return Optional.of(m.string(key, "", VERSION))
        .filter(name -> !name.isEmpty())
        .flatMap(TlsVersion::fromConfigName);
  }
}
