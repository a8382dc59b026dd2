package io.scrapestream.sink.remotewrite;

import io.scrapestream.schemas.prompb.WriteRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.util.Properties;
import org.xerial.snappy.Snappy;

/** The wire format of remote write 1.0: a snappy-compressed protobuf body and fixed headers. */
public final class RemoteWriteProtocol {
  public static final String CONTENT_ENCODING = "snappy";
  public static final String CONTENT_TYPE = "application/x-protobuf";
  public static final String VERSION_HEADER = "X-Prometheus-Remote-Write-Version";
  public static final String VERSION = "0.1.0";

  /** {@code scrapestream/<version of this module>}. */
  public static final String USER_AGENT = "scrapestream/" + moduleVersion();

  private RemoteWriteProtocol() {}

  /** The request body: the protobuf bytes in the snappy block format (not the framed format). */
  public static byte[] encode(WriteRequest request) {
    try {
      return Snappy.compress(request.toByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException("snappy could not compress a remote write request", e);
    }
  }

  /** A POST of {@code body} to the endpoint with the protocol's headers and the endpoint's own. */
  public static HttpRequest request(RemoteWriteEndpoint endpoint, byte[] body) {
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
    return request
        .header("Content-Encoding", CONTENT_ENCODING)
        .header("Content-Type", CONTENT_TYPE)
        .header("User-Agent", USER_AGENT)
        .header(VERSION_HEADER, VERSION)
        .build();
  }

  private static String moduleVersion() {
    Properties properties = new Properties();
    try (InputStream in = RemoteWriteProtocol.class.getResourceAsStream("version.properties")) {
      if (in == null) {
        throw new IllegalStateException(
            "version.properties: must be on the class path next to "
                + RemoteWriteProtocol.class.getName()
                + ". Found: nothing");
      }
      properties.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException("version.properties could not be read", e);
    }
    return properties.getProperty("version");
  }
}
