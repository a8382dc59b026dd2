package io.scrapestream.ingest.scrape;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import io.scrapestream.core.config.HttpAuth;
import io.scrapestream.core.config.ProxySettings;
import io.scrapestream.core.config.ScrapeHttpConfig;
import io.scrapestream.core.config.SecretSource;
import io.scrapestream.core.config.TlsSettings;
import io.scrapestream.ingest.parse.AcceptHeader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Credentials, redirects and request headers against real HTTP servers. */
@Timeout(60)
class ScrapeClientHttpIT {
  private static final String TEXT = "text/plain; version=0.0.4";

  private final TestServers servers = new TestServers();
  private final List<String> seen = new CopyOnWriteArrayList<>();

  @AfterEach
  void stop() {
    servers.close();
  }

  @Test
  void shouldSendPrometheusHeadersWhenScraping() throws Exception {
    List<Headers> headers = new CopyOnWriteArrayList<>();
    URI url =
        servers.start(
            exchange -> {
              headers.add(exchange.getRequestHeaders());
              TestServers.respond(exchange, TEXT, "a 1\n".getBytes(StandardCharsets.UTF_8));
            });

    fetch(ScrapeHttpConfig.DEFAULT, url);

    Headers sent = headers.get(0);
    assertThat(sent.getFirst("Accept")).isEqualTo(AcceptHeader.DEFAULT);
    assertThat(sent.getFirst("Accept-Encoding")).isEqualTo("gzip");
    assertThat(sent.getFirst("User-Agent")).isEqualTo("test");
    assertThat(sent.getFirst("X-Prometheus-Scrape-Timeout-Seconds")).isEqualTo("5");
    assertThat(sent.containsKey("Authorization")).isFalse();
  }

  @Test
  void shouldDecompressGzipWhenCompressionIsEnabled() throws Exception {
    URI url =
        servers.start(
            exchange -> {
              exchange.getResponseHeaders().add("Content-Encoding", "gzip");
              TestServers.respond(exchange, TEXT, gzip("a 1\n"));
            });

    assertThat(new String(fetch(ScrapeHttpConfig.DEFAULT, url).body(), StandardCharsets.UTF_8))
        .isEqualTo("a 1\n");
  }

  @Test
  void shouldAskForIdentityWhenCompressionIsDisabled() throws Exception {
    URI url = recording("Accept-Encoding");

    fetch(http(HttpAuth.NONE, ProxySettings.NONE, true, false), url);

    assertThat(seen).containsExactly("identity");
  }

  @Test
  void shouldSendBasicAuthWhenPasswordComesFromFile(@TempDir Path dir) throws Exception {
    Path password = dir.resolve("password");
    Files.writeString(password, "s3cr3t\n");
    URI url = recording("Authorization");
    HttpAuth basic =
        new HttpAuth.Basic(
            Optional.of(SecretSource.inline("user")),
            Optional.of(SecretSource.file(password.toString())));

    fetch(http(basic), url);

    assertThat(seen).containsExactly("Basic dXNlcjpzM2NyM3Q=");
  }

  @Test
  void shouldReadCredentialsFileAtEveryScrapeWhenTokenIsRotated(@TempDir Path dir)
      throws Exception {
    Path token = dir.resolve("token");
    Files.writeString(token, "first");
    URI url = recording("Authorization");
    ScrapeClient client =
        client(
            http(
                new HttpAuth.Authorization(
                    "Bearer", Optional.of(SecretSource.file(token.toString())))));

    client.fetch(request(url));
    Files.writeString(token, "second\n");
    client.fetch(request(url));

    assertThat(seen).containsExactly("Bearer first", "Bearer second");
  }

  @Test
  void shouldFailScrapeNamingFileWhenCredentialsFileIsMissing(@TempDir Path dir) {
    Path missing = dir.resolve("missing");
    HttpAuth auth =
        new HttpAuth.Authorization("Token", Optional.of(SecretSource.file(missing.toString())));

    assertThatThrownBy(() -> fetch(http(auth), servers.serve(TEXT, "a 1\n")))
        .isInstanceOf(ScrapeException.class)
        .hasMessage(
            "unable to read authorization credentials: unable to read file "
                + missing
                + ": NoSuchFileException: "
                + missing);
  }

  @Test
  void shouldKeepCredentialsWhenRedirectStaysOnSameOrigin() throws Exception {
    URI url =
        servers.start(
            exchange -> {
              seen.add(exchange.getRequestURI().getPath() + " " + auth(exchange));
              if (exchange.getRequestURI().getPath().equals("/metrics")) {
                redirect(exchange, "/moved");
              } else {
                TestServers.respond(exchange, TEXT, "a 1\n".getBytes(StandardCharsets.UTF_8));
              }
            });

    fetch(http(bearer("t0k3n")), url);

    assertThat(seen).containsExactly("/metrics Bearer t0k3n", "/moved Bearer t0k3n");
  }

  @Test
  void shouldDropCredentialsWhenRedirectGoesToAnotherHost() throws Exception {
    List<String> other = new CopyOnWriteArrayList<>();
    URI elsewhere =
        servers.start(
            exchange -> {
              other.add(exchange.getRequestURI().getPath() + " " + auth(exchange));
              TestServers.respond(exchange, TEXT, "a 1\n".getBytes(StandardCharsets.UTF_8));
            });
    URI url =
        servers.start(
            exchange -> {
              seen.add(auth(exchange));
              redirect(exchange, elsewhere.resolve("/landing").toString());
            });

    ScrapeClient.Response response = fetch(http(bearer("t0k3n")), url);

    assertThat(response.status()).isEqualTo(200);
    assertThat(seen).containsExactly("Bearer t0k3n");
    assertThat(other).containsExactly("/landing none");
  }

  @Test
  void shouldSayNoSuchHostWhenTargetNameDoesNotResolve() {
    URI target = URI.create("http://scrape-target.invalid:9100/metrics");

    assertThatThrownBy(() -> fetch(ScrapeHttpConfig.DEFAULT, target))
        .hasMessage("Get \"" + target + "\": no such host");
  }

  private URI recording(String header) {
    return servers.start(
        exchange -> {
          seen.add(exchange.getRequestHeaders().getFirst(header));
          TestServers.respond(exchange, TEXT, "a 1\n".getBytes(StandardCharsets.UTF_8));
        });
  }

  private static String auth(HttpExchange exchange) {
    return Optional.ofNullable(exchange.getRequestHeaders().getFirst("Authorization"))
        .orElse("none");
  }

  private static void redirect(HttpExchange exchange, String location) throws IOException {
    exchange.getResponseHeaders().add("Location", location);
    exchange.sendResponseHeaders(302, -1);
    exchange.close();
  }

  private static HttpAuth bearer(String token) {
    return new HttpAuth.Authorization("Bearer", Optional.of(SecretSource.inline(token)));
  }

  private static ScrapeHttpConfig http(HttpAuth auth) {
    return http(auth, ProxySettings.NONE, true, true);
  }

  static ScrapeHttpConfig http(
      HttpAuth auth, ProxySettings proxy, boolean followRedirects, boolean compression) {
    return new ScrapeHttpConfig(
        auth, TlsSettings.DEFAULT, proxy, followRedirects, true, compression);
  }

  private static ScrapeClient client(ScrapeHttpConfig http) {
    return new ScrapeClient(http, "test", Map.of());
  }

  static ScrapeClient.Response fetch(ScrapeHttpConfig http, URI url) throws Exception {
    return client(http).fetch(request(url));
  }

  static ScrapeClient.Request request(URI url) {
    return new ScrapeClient.Request(url, Duration.ofSeconds(5), 0, AcceptHeader.DEFAULT);
  }

  private static byte[] gzip(String text) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
      gzip.write(text.getBytes(StandardCharsets.UTF_8));
    }
    return out.toByteArray();
  }
}
