package io.scrapestream.sink.otlp;

import io.scrapestream.core.config.OtlpConfig;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Where and how an {@link OtlpExporter} sends: immutable and validated on construction.
 *
 * @param backend the backend name (logs, metric labels)
 * @param url the full metrics URL, e.g. {@code http://prometheus:9090/api/v1/otlp/v1/metrics}
 * @param timeout the whole-request timeout (also the connect timeout)
 * @param headers extra request headers (e.g. {@code Authorization}); never the protocol's own
 * @param gzip whether request bodies are gzip-compressed
 */
public record OtlpEndpoint(
    String backend, URI url, Duration timeout, Map<String, String> headers, boolean gzip) {

  /** Headers the protocol sets, or that the JDK HTTP client refuses to let a caller set. */
  private static final Set<String> RESERVED_HEADERS =
      Set.of(
          "content-encoding",
          "content-type",
          "user-agent",
          "connection",
          "content-length",
          "expect",
          "host",
          "upgrade");

  public OtlpEndpoint {
    List<String> problems = new ArrayList<>();
    if (backend == null || backend.isBlank()) {
      problems.add("backend: must not be blank. Found: " + backend);
    }
    String scheme = url == null ? null : url.getScheme();
    if (scheme == null
        || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
        || url.getHost() == null) {
      String found = url == null ? "null" : url.toString().replaceAll("//[^/@]*@", "//");
      problems.add("url: must be an absolute http or https URL with a host. Found: " + found);
    }
    if (timeout == null || timeout.isNegative() || timeout.isZero()) {
      problems.add("timeout: must be positive. Found: " + timeout);
    }
    if (headers == null) {
      problems.add("headers: must not be null. Found: null");
    } else {
      headers.forEach((name, value) -> checkHeader(name, value, problems));
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException("invalid OTLP endpoint: " + String.join("; ", problems));
    }
    headers = Map.copyOf(headers);
  }

  /** The endpoint a backend's configuration describes. */
  public static OtlpEndpoint from(String backend, OtlpConfig config) {
    return new OtlpEndpoint(
        backend,
        config.url(),
        config.timeout(),
        config.headers(),
        config.compression() == OtlpConfig.Compression.GZIP);
  }

  /** The URL without user information, safe for logs and error messages. */
  public String redactedUrl() {
    return url.getRawUserInfo() == null
        ? url.toString()
        : url.toString().replace(url.getRawUserInfo() + "@", "");
  }

  /** Header values are secrets (credentials): only their names are shown. */
  @Override
  public String toString() {
    return "OtlpEndpoint[backend="
        + backend
        + ", url="
        + redactedUrl()
        + ", timeout="
        + timeout
        + ", headers="
        + new TreeMap<>(headers).keySet()
        + ", gzip="
        + gzip
        + "]";
  }

  private static void checkHeader(String name, String value, List<String> problems) {
    if (name == null || name.isBlank()) {
      problems.add("headers: a name must not be blank. Found: " + name);
    } else if (RESERVED_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
      problems.add("headers: must not set a header the exporter sets. Found: " + name);
    } else if (value == null) {
      problems.add("headers." + name + ": must have a value. Found: null");
    }
  }
}
