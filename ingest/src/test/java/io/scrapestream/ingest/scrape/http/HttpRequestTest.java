package io.scrapestream.ingest.scrape.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HttpRequestTest {
  private static final Optional<HttpProxy> DIRECT = Optional.empty();
  private static final InetSocketAddress PROXY = InetSocketAddress.createUnresolved("proxy", 3128);

  @Test
  void shouldWriteOriginFormAndHeadersInOrderWhenGoingDirect() {
    HttpRequest request =
        new HttpRequest(
            new Origin("http", "node", 9100, DIRECT),
            "/metrics?a=b",
            List.of(Map.entry("Accept", "text/plain"), Map.entry("User-Agent", "ua")));

    assertThat(new String(request.encode(), StandardCharsets.UTF_8))
        .isEqualTo(
            "GET /metrics?a=b HTTP/1.1\r\nHost: node:9100\r\nAccept: text/plain\r\n"
                + "User-Agent: ua\r\n\r\n");
  }

  @Test
  void shouldWriteAbsoluteFormWhenPlainRequestGoesThroughProxy() {
    Optional<HttpProxy> proxy = Optional.of(HttpProxy.at(PROXY));
    HttpRequest request =
        new HttpRequest(new Origin("http", "node", 80, proxy), "/metrics", List.of());

    assertThat(new String(request.encode(), StandardCharsets.UTF_8))
        .isEqualTo("GET http://node/metrics HTTP/1.1\r\nHost: node\r\n\r\n");
  }

  @Test
  void shouldWriteOriginFormWhenTlsRequestGoesThroughProxyTunnel() {
    Optional<HttpProxy> proxy = Optional.of(HttpProxy.withUserInfo(PROXY, "user:pass"));
    HttpRequest request =
        new HttpRequest(new Origin("https", "node", 8443, proxy), "/metrics", List.of());

    assertThat(new String(request.encode(), StandardCharsets.UTF_8))
        .isEqualTo("GET /metrics HTTP/1.1\r\nHost: node:8443\r\n\r\n");
  }

  @Test
  void shouldSendProxyCredentialsWhenPlainRequestGoesThroughProxyWithUserInfo() {
    Optional<HttpProxy> proxy = Optional.of(HttpProxy.withUserInfo(PROXY, "scraper:s3cr:t"));
    HttpRequest request =
        new HttpRequest(new Origin("http", "node", 80, proxy), "/metrics", List.of());

    assertThat(new String(request.encode(), StandardCharsets.UTF_8))
        .isEqualTo(
            "GET http://node/metrics HTTP/1.1\r\nHost: node\r\n"
                + "Proxy-Authorization: Basic c2NyYXBlcjpzM2NyOnQ=\r\n\r\n");
  }

  @Test
  void shouldSendEmptyPasswordWhenProxyUserInfoHasOnlyUser() {
    assertThat(HttpProxy.withUserInfo(PROXY, "scraper").authorization())
        .contains("Basic c2NyYXBlcjo=");
    assertThat(HttpProxy.withUserInfo(PROXY, null).authorization()).isEmpty();
    assertThat(HttpProxy.withUserInfo(PROXY, "u:p").toString())
        .isEqualTo("HttpProxy[proxy/<unresolved>:3128, with credentials]");
  }

  @Test
  void shouldBracketIpv6HostWhenWritingHostAndAuthority() {
    Origin origin = new Origin("https", "::1", 443, DIRECT);

    assertThat(origin.hostHeader()).isEqualTo("[::1]");
    assertThat(origin.authority()).isEqualTo("[::1]:443");
  }

  @Test
  void shouldRefuseHeaderValueWithoutPrintingItWhenItContainsLineBreak() {
    Origin origin = new Origin("http", "node", 80, DIRECT);
    List<Map.Entry<String, String>> headers =
        List.of(Map.entry("Authorization", "Bearer s3cret\r\nX-Injected: 1"));

    assertThatThrownBy(() -> new HttpRequest(origin, "/metrics", headers))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("header Authorization contains control character 0x0d");
  }

  @Test
  void shouldRefuseOriginWhenSchemeIsNotHttpOrHttps() {
    assertThatThrownBy(() -> new Origin("ftp", "node", 21, DIRECT))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("scheme must be http or https. Found: ftp");
  }

  @Test
  void shouldEscapeControlCharactersAndCutLongTextWhenQuotingALine() {
    assertThat(HttpProtocolException.quote("a\u0001\"b")).isEqualTo("\"a\\x01\\\"b\"");
    assertThat(HttpProtocolException.quote("x".repeat(70)))
        .isEqualTo("\"" + "x".repeat(64) + "\"...");
  }
}
