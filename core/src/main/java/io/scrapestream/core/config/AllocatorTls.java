package io.scrapestream.core.config;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code allocator.tls}: the HTTPS listener of the allocator API, where authenticated scrapers read
 * real secret values. PEM files: the server certificate chain, its PKCS#8 private key and,
 * optionally, the CA that signs client certificates (mTLS).
 */
public record AllocatorTls(
    String host, int port, Path certFile, Path keyFile, Optional<Path> clientCaFile) {
  public static final String DEFAULT_LISTEN_ADDRESS = "0.0.0.0:8443";

  public AllocatorTls {
    ConfigRules.require(
        "listenAddress", new HostPort(host, port).toString(), ConfigRules.LISTEN_ADDRESS);
    Objects.requireNonNull(certFile, "certFile must not be null");
    Objects.requireNonNull(keyFile, "keyFile must not be null");
    Objects.requireNonNull(clientCaFile, "clientCaFile must not be null");
  }

  /** The address as {@code host:port}, with brackets around an IPv6 host. */
  public String listenAddress() {
    return new HostPort(host, port).toString();
  }
}
