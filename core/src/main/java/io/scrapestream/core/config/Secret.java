package io.scrapestream.core.config;

import java.util.Objects;

/**
 * A credential read from the configuration. Its {@link #toString()} never shows the value, so a
 * secret printed with its record (in a log line or an error message) stays hidden; call {@link
 * #value()} only where the secret is used.
 */
public record Secret(String value) {
  private static final String REDACTED = "<secret>";

  public Secret {
    Objects.requireNonNull(value, "value must not be null");
  }

  @Override
  public String toString() {
    return REDACTED;
  }
}
