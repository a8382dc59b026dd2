package io.scrapestream.ingest.scrape;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import io.scrapestream.core.config.HttpAuth;
import io.scrapestream.core.config.ProxySettings;
import io.scrapestream.core.config.ScrapeHttpConfig;
import io.scrapestream.core.config.ScrapeLimits;
import io.scrapestream.core.config.TlsSettings;
import io.scrapestream.schemas.v1.ScrapeBatch;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Targets that misbehave at the HTTP level: a gzip bomb, a 200 MB body, a target that stalls before
 * or after its headers, redirects refused or looping, a TLS failure, a 500 and a refused
 * connection. Each fails cleanly, within its bounds, with its exact error.
 */
@Timeout(120)
class ScrapeHostileTargetIT extends BadInputFixture {
  private static final long MIB = 1024 * 1024;
  private static final ScrapeLimits TEN_MIB = new ScrapeLimits(0, 0, 0, 0, 10 * MIB);
  private static byte[] gzipBomb;

  @Test
  void shouldStopAtLimitWithBoundedMemoryWhenGzipBodyInflatesToOneGigabyte() throws Exception {
    byte[] bomb = gzipBomb();
    URI url =
        servers.start(
            exchange -> {
              exchange.getResponseHeaders().add("Content-Encoding", "gzip");
              TestServers.respond(exchange, TEXT, bomb);
            });

    long allocatedBefore = allocatedBytes();
    long start = System.nanoTime();
    ScrapeBatch batch = scrape(url, TEN_MIB);
    long allocated = allocatedBytes() - allocatedBefore;

    assertDown(batch, "body size limit exceeded (body_size_limit 10MiB)");
    assertThat(bomb.length).isLessThan((int) (2 * MIB));
    assertThat(allocated).isLessThan(40 * MIB);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    assertThat(listener.events).containsExactly("limit body_size");
    assertNextTargetScrapes();
  }

  @Test
  void shouldStopAtLimitWithBoundedMemoryWhenBodyIs200Megabytes() throws Exception {
    URI url = servers.start(exchange -> stream(exchange, 200 * MIB, false));

    long allocatedBefore = allocatedBytes();
    ScrapeBatch batch = scrape(url, TEN_MIB);
    long allocated = allocatedBytes() - allocatedBefore;

    assertDown(batch, "body size limit exceeded (body_size_limit 10MiB)");
    assertThat(allocated).isLessThan(40 * MIB);
    assertNextTargetScrapes();
  }

  @Test
  void shouldHoldNoMoreThanTheBodyWhenItsLengthIsKnownAndNoLimitIsSet() throws Exception {
    URI url = servers.start(exchange -> stream(exchange, 200 * MIB, true));
    ScrapeClient client = new ScrapeClient(ScrapeHttpConfig.DEFAULT, "test", java.util.Map.of());

    long allocatedBefore = allocatedBytes();
    ScrapeClient.Response response = client.fetch(ScrapeClientHttpIT.request(url));
    long allocated = allocatedBytes() - allocatedBefore;

    assertThat(response.length()).isEqualTo((int) (200 * MIB));
    assertThat(allocated).isBetween(200 * MIB, 204 * MIB);
  }

  @Test
  void shouldFailAtLimitWhenBodyIsExactlyTheLimitAsPrometheusDoes() throws Exception {
    URI url = servers.serve(TEXT, "a 1\n");

    assertDown(
        scrape(url, new ScrapeLimits(0, 0, 0, 0, 4)),
        "body size limit exceeded (body_size_limit 4B)");
    assertThat(scrape(url, new ScrapeLimits(0, 0, 0, 0, 5)).getReport().getUp()).isTrue();
  }

  @Test
  void shouldFailAtDeadlineWhenTargetSendsHeadersThenStalls() throws Exception {
    try (RawTarget target = RawTarget.stallingAfterHeaders()) {
      long start = System.nanoTime();
      ScrapeBatch batch =
          scrape(target.url(), ScrapeHttpConfig.DEFAULT, ScrapeLimits.NONE, Duration.ofSeconds(1));

      assertDown(
          batch,
          "context deadline exceeded while reading the body (scrape_timeout 1s, 9 bytes read)");
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }
    assertNextTargetScrapes();
  }

  @Test
  void shouldFailAtDeadlineWhenTargetNeverAnswers() throws Exception {
    try (RawTarget target = RawTarget.silent()) {
      ScrapeBatch batch =
          scrape(target.url(), ScrapeHttpConfig.DEFAULT, ScrapeLimits.NONE, Duration.ofSeconds(1));

      assertDown(
          batch, "Get \"" + target.url() + "\": context deadline exceeded (scrape_timeout 1s)");
    }
    assertNextTargetScrapes();
  }

  @Test
  void shouldFailWithStatusWhenRedirectsAreNotFollowed() throws Exception {
    URI url = servers.start(exchange -> redirect(exchange, "/elsewhere"));
    ScrapeHttpConfig noRedirects =
        new ScrapeHttpConfig(
            HttpAuth.NONE, TlsSettings.DEFAULT, ProxySettings.NONE, false, true, true);

    ScrapeBatch batch = scrape(url, noRedirects, ScrapeLimits.NONE, Duration.ofSeconds(5));

    assertDown(batch, "server returned HTTP status 302 Found");
    assertNextTargetScrapes();
  }

  @Test
  void shouldStopAfterTenRequestsWhenRedirectsLoop() throws Exception {
    URI url = servers.start(exchange -> redirect(exchange, "/metrics"));

    assertDown(scrape(url), "Get \"" + url + "\": stopped after 10 redirects");
    assertNextTargetScrapes();
  }

  @Test
  void shouldFailWithTlsErrorWhenTargetDoesNotSpeakTls() throws Exception {
    try (RawTarget target = RawTarget.plainHttp()) {
      URI https = URI.create(target.url().toString().replace("http:", "https:"));

      assertDown(
          scrape(https),
          "Get \""
              + https
              + "\": TLS handshake failed: Unrecognized SSL message, plaintext connection?");
    }
    assertNextTargetScrapes();
  }

  @Test
  void shouldFailWithStatusTextWhenTargetAnswers500() throws Exception {
    URI url =
        servers.start(
            exchange -> {
              exchange.sendResponseHeaders(500, -1);
              exchange.close();
            });

    assertDown(scrape(url), "server returned HTTP status 500 Internal Server Error");
    assertNextTargetScrapes();
  }

  @Test
  void shouldFailWithReasonWhenConnectionIsRefused() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    URI url = URI.create("http://127.0.0.1:" + port + "/metrics");

    assertDown(scrape(url), "Get \"" + url + "\": connect: connection refused");
    assertNextTargetScrapes();
  }

  private static void redirect(HttpExchange exchange, String location) throws IOException {
    exchange.getResponseHeaders().add("Location", location);
    exchange.sendResponseHeaders(302, -1);
    exchange.close();
  }

  /** Streams {@code size} bytes of valid text exposition without holding them. */
  private static void stream(HttpExchange exchange, long size, boolean withLength)
      throws IOException {
    byte[] line =
        "a_metric_line_of_thirty_two 1.5\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    byte[] block = new byte[(int) MIB];
    for (int i = 0; i < block.length; i += line.length) {
      System.arraycopy(line, 0, block, i, line.length);
    }
    exchange.getResponseHeaders().add("Content-Type", TEXT);
    exchange.sendResponseHeaders(200, withLength ? size : 0);
    try (OutputStream out = exchange.getResponseBody()) {
      for (long sent = 0; sent < size; sent += block.length) {
        out.write(block);
      }
    } catch (IOException e) {
      // The scraper hung up at its limit, as it should.
    }
  }

  /** One GiB of zeros, gzipped once per run (about 1 MiB: deflate's ratio tops out near 1000). */
  private static synchronized byte[] gzipBomb() throws IOException {
    if (gzipBomb == null) {
      ByteArrayOutputStream compressed = new ByteArrayOutputStream();
      byte[] zeros = new byte[(int) MIB];
      try (GZIPOutputStream gzip =
          new GZIPOutputStream(compressed, 64 * 1024) {
            {
              def.setLevel(Deflater.BEST_COMPRESSION);
            }
          }) {
        for (int i = 0; i < 1024; i++) {
          gzip.write(zeros);
        }
      }
      gzipBomb = compressed.toByteArray();
    }
    return gzipBomb;
  }

  private static long allocatedBytes() {
    return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean())
        .getCurrentThreadAllocatedBytes();
  }
}
