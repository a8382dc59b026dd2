package io.scrapestream.core.config;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * A Prometheus remote-write 1.0 endpoint: an absolute http(s) URL, the timeout of one request, and
 * extra headers (in the order written). {@link #toString()} does not show header values, which may
 * be credentials.
 */
public record RemoteWriteConfig(URI url, Duration timeout, Map<String, String> headers)
    implements ExporterConfig {
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

  public RemoteWriteConfig {
    ConfigRules.require("url", url == null ? null : url.toString(), ConfigRules.HTTP_URL);
    ConfigRules.require("timeout", timeout, ConfigRules.POSITIVE_DURATION);
    headers = ConfigCollections.ordered("headers", headers);
    headers.forEach(
        (name, value) -> {
          ConfigRules.require("header name", name, ConfigRules.HEADER_NAME);
          ConfigRules.require("value of header " + name, value, ConfigRules.HEADER_VALUE);
        });
  }

  @Override
  public String toString() {
    return "RemoteWriteConfig[url="
        + url
        + ", timeout="
        + PrometheusDuration.format(timeout)
        + ", headers="
        + headers.keySet()
        + "]";
  }
}
