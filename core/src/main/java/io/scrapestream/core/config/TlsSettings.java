package io.scrapestream.core.config;

import java.util.Objects;
import java.util.Optional;

/**
 * A job's {@code tls_config}: the CA that verifies targets, the client certificate and key for
 * mutual TLS (PEM, inline or from files read at each scrape), the name targets must present ({@code
 * server_name}, also sent as SNI), whether to skip verification, and the TLS version range. A
 * client certificate needs its key and the reverse; the minimum version must not exceed the
 * maximum.
 */
public record TlsSettings(
    Optional<SecretSource> ca,
    Optional<SecretSource> cert,
    Optional<SecretSource> key,
    Optional<String> serverName,
    boolean insecureSkipVerify,
    Optional<TlsVersion> minVersion,
    Optional<TlsVersion> maxVersion) {
  public static final TlsSettings DEFAULT =
      new TlsSettings(
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          false,
          Optional.empty(),
          Optional.empty());

  public TlsSettings {
    Objects.requireNonNull(ca, "ca must not be null");
    Objects.requireNonNull(cert, "cert must not be null");
    Objects.requireNonNull(key, "key must not be null");
    Objects.requireNonNull(serverName, "serverName must not be null");
    Objects.requireNonNull(minVersion, "minVersion must not be null");
    Objects.requireNonNull(maxVersion, "maxVersion must not be null");
    if (cert.isPresent() != key.isPresent()) {
      throw new IllegalArgumentException(
          "cert and key must be set together. Found: "
              + (cert.isPresent() ? "a cert without a key" : "a key without a cert"));
    }
    if (minVersion.isPresent()
        && maxVersion.isPresent()
        && maxVersion.get().compareTo(minVersion.get()) < 0) {
      throw new IllegalArgumentException(
          "maxVersion must not be below minVersion ("
              + minVersion.get()
              + "). Found: "
              + maxVersion.get());
    }
  }
}
