package io.scrapestream.broker;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A second client listener, {@code SASL_SSL} with SCRAM, beside the PLAINTEXT one: for testing
 * clients configured like a production cluster. The SCRAM user is created when the data directory
 * is formatted. Certificates are PEM text; the private key is unencrypted PKCS#8.
 *
 * @param port the port on 127.0.0.1, or 0 for any free port
 * @param mechanism {@code SCRAM-SHA-256} or {@code SCRAM-SHA-512}
 * @param certificateChain the broker's certificate (chain); it must name 127.0.0.1
 * @param privateKey the broker's private key
 * @param clientCa when present, clients must also present a certificate signed by (or equal to) one
 *     of these certificates (mutual TLS)
 */
public record SaslSslListener(
    int port,
    String mechanism,
    String username,
    String password,
    String certificateChain,
    String privateKey,
    Optional<String> clientCa) {
  static final List<String> MECHANISMS = List.of("SCRAM-SHA-256", "SCRAM-SHA-512");

  public SaslSslListener {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be 0..65535. Found: " + port);
    }
    if (!MECHANISMS.contains(mechanism)) {
      throw new IllegalArgumentException(
          "mechanism must be one of " + MECHANISMS + ". Found: " + mechanism);
    }
    requireText("username", username);
    requireText("password", password);
    requireText("certificateChain", certificateChain);
    requireText("privateKey", privateKey);
    Objects.requireNonNull(clientCa, "clientCa");
    if (username.contains(",") || username.contains("=") || password.contains("\"")) {
      throw new IllegalArgumentException(
          "username must not contain ',' or '=' and password must not contain '\"'. Found: user "
              + username);
    }
  }

  private static void requireText(String name, String value) {
    if (value == null || value.isEmpty()) {
      throw new IllegalArgumentException(name + " must not be empty");
    }
  }

  /** The Formatter argument that creates the SCRAM user. */
  String scramArgument() {
    return mechanism + "=[name=" + username + ",password=\"" + password + "\"]";
  }
}
