package io.scrapestream.sink.remotewrite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RemoteWriteEndpointTest {

  @Test
  void shouldReportEveryProblemWhenEndpointIsInvalid() {
    assertThatThrownBy(
            () ->
                new RemoteWriteEndpoint(
                    " ",
                    URI.create("ftp://user:secret@host/write"),
                    Duration.ZERO,
                    Map.of("content-type", "text/plain"),
                    true))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "invalid remote write endpoint: backend: must not be blank. Found:  ; url: must be an"
                + " absolute http or https URL with a host. Found: ftp://host/write; timeout: must"
                + " be positive. Found: PT0S; headers: must not set a header the exporter sets."
                + " Found: content-type");
  }

  @Test
  void shouldRefuseHeaderWhenJdkClientForbidsIt() {
    assertThatThrownBy(
            () ->
                new RemoteWriteEndpoint(
                    "prom",
                    URI.create("http://host/write"),
                    Duration.ofSeconds(1),
                    Map.of("Host", "other"),
                    true))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "invalid remote write endpoint: headers: must not set a header the exporter sets."
                + " Found: Host");
  }

  @Test
  void shouldHideCredentialsWhenPrinted() {
    RemoteWriteEndpoint endpoint =
        new RemoteWriteEndpoint(
            "prom",
            URI.create("https://user:secret@host/api/v1/write"),
            Duration.ofSeconds(5),
            Map.of("Authorization", "Bearer token", "X-Scope-OrgID", "t"),
            false);

    assertThat(endpoint.toString())
        .isEqualTo(
            "RemoteWriteEndpoint[backend=prom, url=https://host/api/v1/write, timeout=PT5S,"
                + " headers=[Authorization, X-Scope-OrgID], sendMetadata=false,"
                + " sendNativeHistograms=false, version=V1]");
  }

  @Test
  void shouldCopyHeadersWhenCallerChangesThemLater() {
    Map<String, String> headers = new HashMap<>(Map.of("X-A", "1"));
    RemoteWriteEndpoint endpoint =
        new RemoteWriteEndpoint(
            "prom", URI.create("http://h/w"), Duration.ofSeconds(1), headers, true);

    headers.put("X-B", "2");

    assertThat(endpoint.headers()).isEqualTo(Map.of("X-A", "1"));
  }

  @Test
  void shouldSendMetadataWithDefaultTimeoutWhenBuiltFromUrl() {
    RemoteWriteEndpoint endpoint = RemoteWriteEndpoint.of("prom", URI.create("http://h/w"));

    assertThat(endpoint)
        .isEqualTo(
            new RemoteWriteEndpoint(
                "prom", URI.create("http://h/w"), Duration.ofSeconds(30), Map.of(), true, false));
  }
}
