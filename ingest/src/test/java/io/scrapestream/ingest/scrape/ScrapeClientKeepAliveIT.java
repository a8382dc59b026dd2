package io.scrapestream.ingest.scrape;

import static io.scrapestream.ingest.scrape.ScrapeClientHttpIT.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scrapestream.core.config.ScrapeHttpConfig;
import io.scrapestream.ingest.parse.AcceptHeader;
import io.scrapestream.ingest.scrape.ScriptedHttpServer.Reply;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Keep-alive, framing and malformed responses against a raw scripted HTTP server. */
@Timeout(60)
class ScrapeClientKeepAliveIT {
  private static final String OK = "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n";

  private final ScrapeClient client = new ScrapeClient(ScrapeHttpConfig.DEFAULT, "test", Map.of());
  private ScriptedHttpServer server;

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  @Test
  void shouldUseOneConnectionWhenTargetIsScrapedFiveTimes() throws Exception {
    server = new ScriptedHttpServer(n -> Reply.keep(OK + "Content-Length: 4\r\n\r\na " + n + "\n"));

    for (int i = 0; i < 5; i++) {
      assertThat(body(client.fetch(request(server.url())))).isEqualTo("a " + i + "\n");
    }

    assertThat(server.accepted()).isEqualTo(1);
  }

  @Test
  void shouldOpenNewConnectionWhenClientWasClosedBetweenScrapes() throws Exception {
    server = new ScriptedHttpServer(n -> Reply.keep(OK + "Content-Length: 4\r\n\r\na " + n + "\n"));

    client.fetch(request(server.url()));
    client.close();
    assertThat(body(client.fetch(request(server.url())))).isEqualTo("a 1\n");

    assertThat(server.accepted()).isEqualTo(2);
  }

  @Test
  void shouldScrapeOnNewConnectionWhenServerClosedTheIdleOne() throws Exception {
    server =
        new ScriptedHttpServer(n -> Reply.close(OK + "Content-Length: 4\r\n\r\na " + n + "\n"));

    assertThat(body(client.fetch(request(server.url())))).isEqualTo("a 0\n");
    assertThat(body(client.fetch(request(server.url())))).isEqualTo("a 1\n");

    assertThat(server.accepted()).isEqualTo(2);
  }

  @Test
  void shouldOpenNewConnectionWhenResponseSaysConnectionClose() throws Exception {
    server =
        new ScriptedHttpServer(
            n -> Reply.keep(OK + "Connection: close\r\nContent-Length: 4\r\n\r\na 1\n"));

    client.fetch(request(server.url()));
    client.fetch(request(server.url()));

    assertThat(server.accepted()).isEqualTo(2);
  }

  @Test
  void shouldDecodeChunksAndKeepConnectionWhenChunksCarryExtensionsAndTrailers() throws Exception {
    String chunked =
        OK
            + "Transfer-Encoding: chunked\r\n\r\n"
            + "4;name=value\r\na 1\n\r\n"
            + "A ; x=\"y\"\r\nbb 22\ncc 3\r\n"
            + "0;last\r\nExpires: never\r\nX-Trailer: t\r\n\r\n";
    server = new ScriptedHttpServer(n -> Reply.keep(chunked));

    assertThat(body(client.fetch(request(server.url())))).isEqualTo("a 1\nbb 22\ncc 3");
    assertThat(body(client.fetch(request(server.url())))).isEqualTo("a 1\nbb 22\ncc 3");

    assertThat(server.accepted()).isEqualTo(1);
  }

  @Test
  void shouldReadUntilCloseAndReconnectWhenBodyHasNoLength() throws Exception {
    server = new ScriptedHttpServer(n -> Reply.close(OK + "\r\na " + n + "\n"));

    assertThat(body(client.fetch(request(server.url())))).isEqualTo("a 0\n");
    assertThat(body(client.fetch(request(server.url())))).isEqualTo("a 1\n");

    assertThat(server.accepted()).isEqualTo(2);
  }

  @Test
  void shouldCloseConnectionWhenBodyExceedsTheLimit() throws Exception {
    server = new ScriptedHttpServer(n -> Reply.keep(OK + "Content-Length: 8\r\n\r\nabc 123\n"));
    ScrapeClient.Request limited =
        new ScrapeClient.Request(server.url(), Duration.ofSeconds(5), 4, AcceptHeader.DEFAULT);

    assertThatThrownBy(() -> client.fetch(limited))
        .hasMessage("body size limit exceeded (body_size_limit 4B)");
    assertThat(body(client.fetch(request(server.url())))).isEqualTo("abc 123\n");

    assertThat(server.accepted()).isEqualTo(2);
  }

  @Test
  void shouldFailNamingTheLineWhenStatusLineIsMalformed() throws Exception {
    server =
        new ScriptedHttpServer(n -> Reply.keep("HTTP/1.1 2OO OK\r\nContent-Length: 0\r\n\r\n"));
    URI url = server.url();

    assertThatThrownBy(() -> client.fetch(request(url)))
        .isInstanceOf(ScrapeException.class)
        .hasMessage("Get \"" + url + "\": malformed HTTP status line \"HTTP/1.1 2OO OK\"");
  }

  @Test
  void shouldFailNamingTheLineWhenHeaderLineIsMalformed() throws Exception {
    server = new ScriptedHttpServer(n -> Reply.keep(OK + "Bad Header: x\r\n\r\n"));
    URI url = server.url();

    assertThatThrownBy(() -> client.fetch(request(url)))
        .isInstanceOf(ScrapeException.class)
        .hasMessage("Get \"" + url + "\": malformed MIME header line: \"Bad Header: x\"");
  }

  @Test
  void shouldFailNamingTheLineWhenChunkSizeIsNotHex() throws Exception {
    server =
        new ScriptedHttpServer(
            n -> Reply.keep(OK + "Transfer-Encoding: chunked\r\n\r\n4\r\na 1\n\r\nzz\r\n"));

    assertThatThrownBy(() -> client.fetch(request(server.url())))
        .isInstanceOf(ScrapeException.class)
        .hasMessage(
            "cannot read the body: malformed chunked encoding: invalid chunk size line \"zz\"");
  }

  @Test
  void shouldFailNamingBothCountsWhenBodyEndsBeforeContentLength() throws Exception {
    server = new ScriptedHttpServer(n -> Reply.close(OK + "Content-Length: 10\r\n\r\na 1\n"));

    assertThatThrownBy(() -> client.fetch(request(server.url())))
        .isInstanceOf(ScrapeException.class)
        .hasMessage(
            "cannot read the body: EOFException: unexpected EOF: body ended after 4 of 10 bytes"
                + " (Content-Length)");
  }

  @Test
  void shouldSendOriginFormRequestLineWithQueryWhenNoProxyIsSet() throws Exception {
    server = new ScriptedHttpServer(n -> Reply.keep(OK + "Content-Length: 4\r\n\r\na 1\n"));

    client.fetch(request(server.url().resolve("/probe?target=a%20b&module=x")));

    assertThat(server.requestLines()).containsExactly("GET /probe?target=a%20b&module=x HTTP/1.1");
  }

  private static String body(ScrapeClient.Response response) {
    return new String(response.body(), StandardCharsets.UTF_8);
  }
}
