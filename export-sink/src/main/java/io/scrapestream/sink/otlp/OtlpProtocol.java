package io.scrapestream.sink.otlp;

import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.scrapestream.sink.http.SinkVersion;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.util.zip.GZIPOutputStream;

/** The wire format of OTLP/HTTP with binary protobuf encoding. */
public final class OtlpProtocol {
  public static final String CONTENT_TYPE = "application/x-protobuf";

  /** The version of this module, also the version of the exporter's instrumentation scope. */
  public static final String MODULE_VERSION = SinkVersion.VERSION;

  public static final String USER_AGENT = SinkVersion.USER_AGENT;

  private OtlpProtocol() {}

  /** The request body: the protobuf bytes, gzip-compressed when {@code gzip}. */
  public static byte[] encode(ExportMetricsServiceRequest request, boolean gzip) {
    if (!gzip) {
      return request.toByteArray();
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
      request.writeTo(out);
    } catch (IOException e) {
      throw new UncheckedIOException("gzip could not compress an OTLP request in memory", e);
    }
    return bytes.toByteArray();
  }

  /** A POST of {@code body} with the protocol's headers and the endpoint's own. */
  public static HttpRequest request(OtlpEndpoint endpoint, byte[] body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(endpoint.url())
            .timeout(endpoint.timeout())
            // Over plain http the JDK client would otherwise try an h2c upgrade on a POST.
            .version(
                "https".equalsIgnoreCase(endpoint.url().getScheme())
                    ? HttpClient.Version.HTTP_2
                    : HttpClient.Version.HTTP_1_1)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    endpoint.headers().forEach(request::header);
    if (endpoint.gzip()) {
      request.header("Content-Encoding", "gzip");
    }
    return request.header("Content-Type", CONTENT_TYPE).header("User-Agent", USER_AGENT).build();
  }
}
