package io.scrapestream.sink.remotewrite;

import static io.scrapestream.sink.ScrapeBatchBuilder.STALE_MARKER;
import static io.scrapestream.sink.ScrapeBatchBuilder.batch;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.WireFormat;
import io.scrapestream.schemas.prompb.WriteRequest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.xerial.snappy.Snappy;

class RemoteWriteProtocolTest {
  private static final RemoteWriteEndpoint ENDPOINT =
      new RemoteWriteEndpoint(
          "prom",
          URI.create("http://127.0.0.1:9090/api/v1/write"),
          Duration.ofSeconds(7),
          Map.of("X-Scope-OrgID", "tenant-1"),
          true);

  @Test
  void shouldKeepStaleMarkerBitsOnTheWireWhenEncoded() throws IOException {
    WriteRequest request =
        WriteRequestConverter.convert(
                List.of(batch("t1", 1000).sampleBits(STALE_MARKER, "__name__", "up").build()),
                false,
                false)
            .request();

    byte[] protobuf = Snappy.uncompress(RemoteWriteProtocol.encode(request));

    assertThat(sampleValueBits(protobuf)).isEqualTo(STALE_MARKER);
  }

  @Test
  void shouldUseSnappyBlockFormatWhenEncoded() throws IOException {
    WriteRequest request =
        WriteRequestConverter.convert(
                List.of(batch("t1", 1000).sample(1.0, "__name__", "up").build()), false, false)
            .request();

    byte[] body = RemoteWriteProtocol.encode(request);

    // The block format starts with the uncompressed length as a varint; the framed format would
    // start with the stream identifier chunk 0xff 0x06 0x00 0x00 "sNaPpY".
    assertThat(CodedInputStream.newInstance(body).readRawVarint32())
        .isEqualTo(request.getSerializedSize());
    assertThat(WriteRequest.parseFrom(Snappy.uncompress(body))).isEqualTo(request);
  }

  @Test
  void shouldPostWithTimeoutOverHttp11WhenUrlIsHttp() {
    HttpRequest request = RemoteWriteProtocol.request(ENDPOINT, new byte[] {1, 2, 3});

    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.uri()).isEqualTo(URI.create("http://127.0.0.1:9090/api/v1/write"));
    assertThat(request.timeout()).contains(Duration.ofSeconds(7));
    assertThat(request.version()).contains(HttpClient.Version.HTTP_1_1);
    assertThat(request.bodyPublisher().orElseThrow().contentLength()).isEqualTo(3);
  }

  @Test
  void shouldAllowHttp2WhenUrlIsHttps() {
    RemoteWriteEndpoint https =
        RemoteWriteEndpoint.of("prom", URI.create("https://h/api/v1/write"));

    HttpRequest request = RemoteWriteProtocol.request(https, new byte[0]);

    assertThat(request.version()).contains(HttpClient.Version.HTTP_2);
  }

  @Test
  void shouldSetProtocolAndEndpointHeadersWhenBuildingRequest() {
    HttpRequest request = RemoteWriteProtocol.request(ENDPOINT, new byte[] {1, 2, 3});

    assertThat(request.headers().map())
        .containsOnlyKeys(
            "Content-Encoding",
            "Content-Type",
            "User-Agent",
            "X-Prometheus-Remote-Write-Version",
            "X-Scope-OrgID")
        .containsEntry("Content-Encoding", List.of("snappy"))
        .containsEntry("Content-Type", List.of("application/x-protobuf"))
        .containsEntry("X-Prometheus-Remote-Write-Version", List.of("0.1.0"))
        .containsEntry("X-Scope-OrgID", List.of("tenant-1"));
    assertThat(request.headers().firstValue("User-Agent").orElseThrow())
        .matches("scrapestream/\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
  }

  /** Walks WriteRequest.timeseries[0].samples[0].value (a fixed64) in the raw protobuf bytes. */
  private static long sampleValueBits(byte[] writeRequest) throws IOException {
    CodedInputStream timeSeries = field(CodedInputStream.newInstance(writeRequest), 1);
    CodedInputStream sample = field(timeSeries, 2);
    int tag = sample.readTag();
    assertThat(tag).isEqualTo(tag(1, WireFormat.WIRETYPE_FIXED64));
    return sample.readRawLittleEndian64();
  }

  /** The first length-delimited field {@code number} of the message, as a stream of its own. */
  private static CodedInputStream field(CodedInputStream message, int number) throws IOException {
    for (int tag = message.readTag(); tag != 0; tag = message.readTag()) {
      if (tag == tag(number, WireFormat.WIRETYPE_LENGTH_DELIMITED)) {
        return CodedInputStream.newInstance(message.readByteArray());
      }
      message.skipField(tag);
    }
    throw new AssertionError("field " + number + " not found");
  }

  /** A protobuf field tag: (field number << 3) | wire type. */
  private static int tag(int number, int wireType) {
    return (number << 3) | wireType;
  }
}
