package io.scrapestream.core.config;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;

/**
 * A credential (password, bearer token) read from the configuration or from a file it names. {@link
 * #toString()} is {@value #REDACTED}, as Prometheus marshals secrets, so that a secret never
 * reaches a log line or an error message by accident; {@link #reveal()} is the one way to the
 * value.
 */
public final class Secret {
  /** How a secret is shown wherever its value must not be. */
  public static final String REDACTED = "<secret>";

  private final String value;

  public Secret(String value) {
    Objects.requireNonNull(value, "secret value must not be null");
    if (value.isEmpty()) {
      throw new IllegalArgumentException("secret value must not be empty");
    }
    this.value = value;
  }

  /** The clear value; for the one place that sends it (an HTTP header, an authenticated API). */
  public String reveal() {
    return value;
  }

  /** Compares with {@code candidate} in time independent of where they differ. */
  public boolean matches(String candidate) {
    return candidate != null
        && MessageDigest.isEqual(
            value.getBytes(StandardCharsets.UTF_8), candidate.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Secret secret && secret.value.equals(value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }

  @Override
  public String toString() {
    return REDACTED;
  }
}
