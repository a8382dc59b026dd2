package io.scrapestream.core.config;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * An OTLP/HTTP metrics endpoint (protobuf encoding), such as Prometheus's {@code
 * /api/v1/otlp/v1/metrics}: the full URL to POST to, the timeout of one request, extra headers (in
 * the order written) and the body compression. {@link #toString()} does not show header values,
 * which may be credentials.
 */
public record OtlpConfig(
    URI url, Duration timeout, Map<String, String> headers, Compression compression)
    implements ExporterConfig {
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

  /** How request bodies are compressed: {@code gzip} (the default) or {@code none}. */
  public enum Compression {
    GZIP,
    NONE;

    /** The name used in the configuration file. */
    public String configName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public OtlpConfig {
    ConfigRules.require("url", url == null ? null : url.toString(), ConfigRules.HTTP_URL);
    ConfigRules.require("timeout", timeout, ConfigRules.POSITIVE_DURATION);
    headers = ConfigCollections.ordered("headers", headers);
    headers.forEach(
        (name, value) -> {
          ConfigRules.require("header name", name, ConfigRules.HEADER_NAME);
          ConfigRules.require("value of header " + name, value, ConfigRules.HEADER_VALUE);
        });
    Objects.requireNonNull(compression, "compression must not be null");
  }

  @Override
  public String toString() {
    return "OtlpConfig[url="
        + url
        + ", timeout="
        + PrometheusDuration.format(timeout)
        + ", headers="
        + headers.keySet()
        + ", compression="
        + compression.configName()
        + "]";
  }
}
