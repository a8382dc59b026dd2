package io.scrapestream.core.config;

/**
 * A credential from the configuration (a password, an API key). {@link #toString()} never shows it,
 * so a record holding one can be logged; read it with {@link #reveal()} where it is sent.
 */
public record Secret(String value) {
  public Secret {
    ConfigRules.require("secret", value, ConfigRules.NOT_EMPTY);
  }

  /** The secret itself, for the one place that sends it. */
  public String reveal() {
    return value;
  }

  @Override
  public String toString() {
    return "Secret[redacted]";
  }
}
