package io.scrapestream.sink.remotewrite;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Where and how a {@link RemoteWriteExporter} sends: immutable and validated on construction.
 *
 * @param backend the backend name (logs, metric labels)
 * @param url the receiver's endpoint, http or https
 * @param timeout the whole-request timeout (also the connect timeout)
 * @param headers extra request headers (e.g. {@code Authorization}); never the protocol's own
 * @param sendMetadata whether metric family metadata (type, help, unit) goes with the samples
 * @param sendNativeHistograms whether native histogram samples are sent; off by default as in
 *     Prometheus ({@code send_native_histograms}), since a receiver without the feature answers
 *     them with a 500 that no retry can cure. When off they are left out and not counted.
 * @param version the message sent first; the exporter falls back from 2.0 to 1.0 when the receiver
 *     does not take 2.0
 */
public record RemoteWriteEndpoint(
    String backend,
    URI url,
    Duration timeout,
    Map<String, String> headers,
    boolean sendMetadata,
    boolean sendNativeHistograms,
    RemoteWriteVersion version) {

  /** Headers the protocol sets, or that the JDK HTTP client refuses to let a caller set. */
  private static final Set<String> RESERVED_HEADERS =
      Set.of(
          "content-encoding",
          "content-type",
          "user-agent",
          "x-prometheus-remote-write-version",
          "connection",
          "content-length",
          "expect",
          "host",
          "upgrade");

  public RemoteWriteEndpoint {
    List<String> problems = new ArrayList<>();
    if (backend == null || backend.isBlank()) {
      problems.add("backend: must not be blank. Found: " + backend);
    }
    checkUrl(url, problems);
    if (timeout == null || timeout.isNegative() || timeout.isZero()) {
      problems.add("timeout: must be positive. Found: " + timeout);
    }
    if (version == null) {
      problems.add("version: must not be null. Found: null");
    }
    if (headers == null) {
      problems.add("headers: must not be null. Found: null");
    } else {
      headers.forEach((name, value) -> checkHeader(name, value, problems));
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(
          "invalid remote write endpoint: " + String.join("; ", problems));
    }
    headers = Map.copyOf(headers);
  }

  /** A remote write 1.0 endpoint. */
  public RemoteWriteEndpoint(
      String backend,
      URI url,
      Duration timeout,
      Map<String, String> headers,
      boolean sendMetadata,
      boolean sendNativeHistograms) {
    this(backend, url, timeout, headers, sendMetadata, sendNativeHistograms, RemoteWriteVersion.V1);
  }

  /** A remote write 1.0 endpoint that does not send native histograms. */
  public RemoteWriteEndpoint(
      String backend,
      URI url,
      Duration timeout,
      Map<String, String> headers,
      boolean sendMetadata) {
    this(backend, url, timeout, headers, sendMetadata, false);
  }

  /**
   * An endpoint that sends metadata but no native histograms, with the default timeout of 30
   * seconds and no headers.
   */
  public static RemoteWriteEndpoint of(String backend, URI url) {
    return new RemoteWriteEndpoint(backend, url, Duration.ofSeconds(30), Map.of(), true, false);
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
    return "RemoteWriteEndpoint[backend="
        + backend
        + ", url="
        + redactedUrl()
        + ", timeout="
        + timeout
        + ", headers="
        + new TreeMap<>(headers).keySet()
        + ", sendMetadata="
        + sendMetadata
        + ", sendNativeHistograms="
        + sendNativeHistograms
        + ", version="
        + version
        + "]";
  }

  private static void checkUrl(URI url, List<String> problems) {
    String scheme = url == null ? null : url.getScheme();
    if (scheme == null
        || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
        || url.getHost() == null) {
      String found = url == null ? "null" : url.toString().replaceAll("//[^/@]*@", "//");
      problems.add("url: must be an absolute http or https URL with a host. Found: " + found);
    }
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
