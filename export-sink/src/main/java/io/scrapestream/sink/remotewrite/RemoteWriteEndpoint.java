package io.scrapestream.sink.remotewrite;

import io.scrapestream.sink.http.HttpEndpointRules;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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

  /** Headers the protocol sets itself. */
  private static final Set<String> RESERVED_HEADERS =
      Set.of("content-encoding", "content-type", "user-agent", "x-prometheus-remote-write-version");

  public RemoteWriteEndpoint {
    List<String> problems = new ArrayList<>();
    HttpEndpointRules.check(
        new HttpEndpointRules.Common(backend, url, timeout, headers), RESERVED_HEADERS, problems);
    if (version == null) {
      problems.add("version: must not be null. Found: null");
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
    return HttpEndpointRules.redacted(url);
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
}
