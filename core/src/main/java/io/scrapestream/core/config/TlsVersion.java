package io.scrapestream.core.config;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The TLS versions {@code tls_config.min_version} and {@code max_version} name. */
public enum TlsVersion {
  TLS10("TLSv1"),
  TLS11("TLSv1.1"),
  TLS12("TLSv1.2"),
  TLS13("TLSv1.3");

  private final String jdkName;

  TlsVersion(String jdkName) {
    this.jdkName = jdkName;
  }

  /** The protocol name the JDK uses, e.g. {@code TLSv1.2}. */
  public String jdkName() {
    return jdkName;
  }

  /** The version named {@code name} in the configuration ({@code TLS12}), if any. */
  public static Optional<TlsVersion> fromConfigName(String name) {
    return Arrays.stream(values()).filter(v -> v.name().equals(name)).findFirst();
  }

  /** Every configuration name, oldest first. */
  public static List<String> configNames() {
    return Arrays.stream(values()).map(TlsVersion::name).toList();
  }
}
