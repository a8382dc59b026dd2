package io.scrapestream.core.config;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A Prometheus remote-write endpoint: an absolute http(s) URL, the timeout of one request, extra
 * headers (in the order written), the protocol version, what is sent besides float samples, and
 * optional SigV4 signing. {@link #toString()} does not show header values, which may be
 * credentials.
 *
 * @param protocolVersion the message sent first; a 2.0 sender falls back to 1.0 for good when the
 *     receiver answers 415
 * @param sendMetadata whether metric metadata (type, help, unit) goes with the samples; by default
 *     only with 2.0, which carries it per series
 * @param sendNativeHistograms whether native histogram samples are sent (a receiver without the
 *     feature refuses them)
 * @param sigv4 AWS SigV4 signing; then the headers must not set {@code Authorization} or {@code
 *     X-Amz-*}
 */
public record RemoteWriteConfig(
    URI url,
    Duration timeout,
    Map<String, String> headers,
    ProtocolVersion protocolVersion,
    boolean sendMetadata,
    boolean sendNativeHistograms,
    Optional<SigV4Config> sigv4)
    implements ExporterConfig {
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

  /** {@code remote_write.protocol_version}: 1 (prometheus.WriteRequest) or 2 (v2.Request). */
  public enum ProtocolVersion {
    V1(1),
    V2(2);

    private final int number;

    ProtocolVersion(int number) {
      this.number = number;
    }

    public int number() {
      return number;
    }

    /** The version written as {@code number} in the configuration. */
    public static Optional<ProtocolVersion> of(int number) {
      return List.of(values()).stream().filter(v -> v.number == number).findFirst();
    }
  }

  public RemoteWriteConfig {
    ConfigRules.require("url", url == null ? null : url.toString(), ConfigRules.HTTP_URL);
    ConfigRules.require("timeout", timeout, ConfigRules.POSITIVE_DURATION);
    headers = ConfigCollections.ordered("headers", headers);
    headers.forEach(
        (name, value) -> {
          ConfigRules.require("header name", name, ConfigRules.HEADER_NAME);
          ConfigRules.require("value of header " + name, value, ConfigRules.HEADER_VALUE);
        });
    Objects.requireNonNull(protocolVersion, "protocolVersion must not be null");
    Objects.requireNonNull(sigv4, "sigv4 must not be null");
    if (sigv4.isPresent()) {
      headers.keySet().stream()
          .filter(RemoteWriteConfig::isSignatureHeader)
          .findFirst()
          .ifPresent(
              name -> {
                throw new IllegalArgumentException(
                    "header name "
                        + SIGNATURE_HEADERS
                        + ". Found: "
                        + ConfigProblems.describe(name));
              });
    }
  }

  /** What a header set next to {@code sigv4} must not be. */
  static final String SIGNATURE_HEADERS =
      "must not be Authorization or start with X-Amz- when sigv4 is set";

  /** A 1.0 endpoint without metadata, native histograms or signing. */
  public RemoteWriteConfig(URI url, Duration timeout, Map<String, String> headers) {
    this(url, timeout, headers, ProtocolVersion.V1, false, false, Optional.empty());
  }

  /** Whether SigV4 signing sets this header, so that the user must not. */
  static boolean isSignatureHeader(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return lower.equals("authorization") || lower.startsWith("x-amz-");
  }

  @Override
  public String toString() {
    return "RemoteWriteConfig[url="
        + url
        + ", timeout="
        + PrometheusDuration.format(timeout)
        + ", headers="
        + headers.keySet()
        + ", protocolVersion="
        + protocolVersion.number()
        + ", sendMetadata="
        + sendMetadata
        + ", sendNativeHistograms="
        + sendNativeHistograms
        + ", sigv4="
        + sigv4.map(SigV4Config::toString).orElse("none")
        + "]";
  }
}
