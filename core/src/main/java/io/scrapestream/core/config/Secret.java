package io.scrapestream.core.config;

import java.util.Objects;

/**
 * A credential taken from the configuration (a password, a token, a private key). Its {@link
 * #toString()} is {@code <secret>}, so that it never reaches a log line, an exception message or a
 * {@code check-config} report; only {@link #value()} gives the text.
 */
public record Secret(String value) {
  public static final String REDACTED = "<secret>";

  public Secret {
    Objects.requireNonNull(value, "secret value must not be null");
  }

  @Override
  public String toString() {
    return REDACTED;
  }
}
