package io.scrapestream.sink.otlp;

import io.scrapestream.core.config.OtlpConfig;
import io.scrapestream.sink.http.HttpEndpointRules;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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

  /** Headers the protocol sets itself. */
  private static final Set<String> RESERVED_HEADERS =
      Set.of("content-encoding", "content-type", "user-agent");

  public OtlpEndpoint {
    List<String> problems = new ArrayList<>();
    HttpEndpointRules.check(
        new HttpEndpointRules.Common(backend, url, timeout, headers), RESERVED_HEADERS, problems);
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
    return HttpEndpointRules.redacted(url);
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
}
