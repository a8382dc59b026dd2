package io.scrapestream.sink.remotewrite;

import com.google.protobuf.MessageLite;
import io.scrapestream.sink.http.SinkVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.xerial.snappy.Snappy;

/**
 * The wire format of remote write 1.0 and 2.0: a snappy-compressed protobuf body and the headers
 * that name its message.
 */
public final class RemoteWriteProtocol {
  public static final String CONTENT_ENCODING = "snappy";
  public static final String CONTENT_TYPE = "application/x-protobuf";
  public static final String VERSION_HEADER = "X-Prometheus-Remote-Write-Version";
  public static final String VERSION = "0.1.0";

  /** {@code scrapestream/<version of this module>}. */
  public static final String USER_AGENT = SinkVersion.USER_AGENT;

  private RemoteWriteProtocol() {}

  /** The request body: the protobuf bytes in the snappy block format (not the framed format). */
  public static byte[] encode(MessageLite request) {
    return compress(request.toByteArray());
  }

  /** Protobuf bytes in the snappy block format (not the framed format). */
  public static byte[] compress(byte[] protobuf) {
    try {
      return Snappy.compress(protobuf);
    } catch (IOException e) {
      throw new UncheckedIOException("snappy could not compress a remote write request", e);
    }
  }

  /** A remote write 1.0 POST of {@code body} with the protocol's and the endpoint's headers. */
  public static HttpRequest request(RemoteWriteEndpoint endpoint, byte[] body) {
    return request(endpoint, RemoteWriteVersion.V1, body, Map.of());
  }

  /**
   * A POST of {@code body} to the endpoint with {@link #headers} and then {@code signature} (the
   * headers a request signer added).
   */
  public static HttpRequest request(
      RemoteWriteEndpoint endpoint,
      RemoteWriteVersion version,
      byte[] body,
      Map<String, String> signature) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(endpoint.url())
            .timeout(endpoint.timeout())
            // Over plain http the JDK client would otherwise try an h2c upgrade on a POST.
            .version(
                "https".equalsIgnoreCase(endpoint.url().getScheme())
                    ? HttpClient.Version.HTTP_2
                    : HttpClient.Version.HTTP_1_1)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    headers(endpoint, version).forEach(request::header);
    signature.forEach(request::header);
    return request.build();
  }

  /** The headers of a request, in the order sent: the endpoint's own, then the protocol's. */
  public static Map<String, String> headers(
      RemoteWriteEndpoint endpoint, RemoteWriteVersion version) {
    Map<String, String> headers = new LinkedHashMap<>(endpoint.headers());
    headers.put("Content-Encoding", CONTENT_ENCODING);
    headers.put("Content-Type", version.contentType());
    headers.put("User-Agent", USER_AGENT);
    headers.put(VERSION_HEADER, version.header());
    return headers;
  }
}
