package io.scrapestream.ingest.scrape;

import io.scrapestream.core.config.PrometheusDuration;
import io.scrapestream.core.config.ScrapeHttpConfig;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Fetches targets' metrics over HTTP for one job, honouring its {@code http_config}: credentials
 * (files read at each scrape), TLS, proxy, compression, and redirects followed here rather than by
 * the JDK client, at most as many as Go follows, with credentials sent only to the target's own
 * origin (scheme, host and port). One deadline covers connect, headers and body; the body is read
 * within {@code body_size_limit}, counted after decompression. Thread-safe.
 */
public final class ScrapeClient {
  /** Go's client stops when a redirect would make the 11th request. */
  private static final int MAX_REQUESTS = 10;

  private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);

  private final ScrapeHttpConfig http;
  private final String userAgent;
  private final HttpClientCache clients;

  /** A client for a job with these HTTP settings; the proxy environment is the process's. */
  public ScrapeClient(ScrapeHttpConfig http, String userAgent) {
    this(http, userAgent, System.getenv());
  }

  ScrapeClient(ScrapeHttpConfig http, String userAgent, Map<String, String> env) {
    this.http = Objects.requireNonNull(http, "http");
    this.userAgent = Objects.requireNonNull(userAgent, "userAgent");
    this.clients = new HttpClientCache(http, env);
  }

  /** A successful exchange: the status, the content type and the decompressed body. */
  public record Response(int status, String contentType, byte[] body) {}

  /** What to fetch and within which bounds. */
  public record Request(URI url, Duration timeout, long bodySizeLimitBytes, String accept) {
    public Request {
      Objects.requireNonNull(url, "url");
      Objects.requireNonNull(timeout, "timeout");
      Objects.requireNonNull(accept, "accept");
      if (bodySizeLimitBytes < 0) {
        throw new IllegalArgumentException(
            "bodySizeLimitBytes must not be negative (0 means no limit). Found: "
                + bodySizeLimitBytes);
      }
    }
  }

  /**
   * Scrapes {@code request.url()}; throws {@link ScrapeException} with a Prometheus-like reason
   * when the exchange fails, the status is not 200, a limit is exceeded or the deadline passes.
   */
  public Response fetch(Request request) throws ScrapeException, InterruptedException {
    long deadline = System.nanoTime() + request.timeout().toNanos();
    HttpClient client = clients.current();
    Optional<String> authorization = RequestAuth.header(http.auth());
    HttpResponse<InputStream> response = follow(client, request, authorization, deadline);
    if (response.statusCode() != 200) {
      close(response.body());
      throw new ScrapeException(
          "server returned HTTP status " + HttpStatusText.status(response.statusCode()));
    }
    String contentType = response.headers().firstValue("Content-Type").orElse("");
    return new Response(response.statusCode(), contentType, body(response, request, deadline));
  }

  /** The decompressed body; an interrupted read is an interruption, not a failed scrape. */
  private static byte[] body(HttpResponse<InputStream> response, Request request, long deadline)
      throws ScrapeException, InterruptedException {
    boolean gzip = response.headers().firstValue("Content-Encoding").orElse("").equals("gzip");
    BodyReader.Bounds bounds =
        new BodyReader.Bounds(deadline, request.timeout(), request.bodySizeLimitBytes());
    try {
      return BodyReader.read(
          response.body(), gzip, response.headers().firstValueAsLong("Content-Length"), bounds);
    } catch (ScrapeException e) {
      if (Thread.currentThread().isInterrupted()) {
        throw new InterruptedException("scrape of " + request.url() + " interrupted");
      }
      throw e;
    }
  }

  private HttpResponse<InputStream> follow(
      HttpClient client, Request request, Optional<String> authorization, long deadline)
      throws ScrapeException, InterruptedException {
    URI url = request.url();
    for (int requests = 1; ; requests++) {
      Optional<String> credentials =
          sameOrigin(request.url(), url) ? authorization : Optional.empty();
      HttpResponse<InputStream> response =
          send(client, build(url, request, credentials), deadline, request.timeout());
      Optional<String> location = response.headers().firstValue("Location");
      if (!http.followRedirects()
          || !REDIRECTS.contains(response.statusCode())
          || location.isEmpty()) {
        return response;
      }
      close(response.body());
      URI next = resolve(url, location.get());
      if (requests >= MAX_REQUESTS) {
        throw ScrapeErrors.request(next, "stopped after " + MAX_REQUESTS + " redirects");
      }
      url = next;
    }
  }

  private HttpRequest build(URI url, Request request, Optional<String> authorization)
      throws ScrapeException {
    String scheme = String.valueOf(url.getScheme()).toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw ScrapeErrors.request(url, "unsupported protocol scheme \"" + url.getScheme() + "\"");
    }
    try {
      HttpRequest.Builder builder =
          HttpRequest.newBuilder(url)
              .GET()
              .header("Accept", request.accept())
              .header("Accept-Encoding", http.enableCompression() ? "gzip" : "identity")
              .header("User-Agent", userAgent)
              .header("X-Prometheus-Scrape-Timeout-Seconds", seconds(request.timeout()));
      if (scheme.equals("http")) {
        builder.version(HttpClient.Version.HTTP_1_1);
      }
      authorization.ifPresent(value -> builder.header("Authorization", value));
      return builder.build();
    } catch (IllegalArgumentException e) {
      throw ScrapeErrors.request(url, "invalid request: " + e.getMessage());
    }
  }

  private static HttpResponse<InputStream> send(
      HttpClient client, HttpRequest request, long deadline, Duration timeout)
      throws ScrapeException, InterruptedException {
    CompletableFuture<HttpResponse<InputStream>> future =
        client.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream());
    try {
      return future.get(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      abandon(future);
      throw ScrapeErrors.request(
          request.uri(),
          "context deadline exceeded (scrape_timeout " + PrometheusDuration.format(timeout) + ")");
    } catch (ExecutionException e) {
      throw ScrapeErrors.request(request.uri(), ScrapeErrors.describe(e.getCause()));
    } catch (InterruptedException e) {
      abandon(future);
      throw e;
    }
  }

  /** Cancels the exchange; a response that arrives anyway has its connection closed. */
  private static void abandon(CompletableFuture<HttpResponse<InputStream>> future) {
    future.cancel(true);
    future.thenAccept(response -> close(response.body()));
  }

  private static URI resolve(URI base, String location) throws ScrapeException {
    try {
      return base.resolve(new URI(location));
    } catch (java.net.URISyntaxException e) {
      throw ScrapeErrors.request(
          base, "failed to parse Location header \"" + location + "\": " + e.getMessage());
    }
  }

  static boolean sameOrigin(URI a, URI b) {
    return String.valueOf(a.getScheme()).equalsIgnoreCase(String.valueOf(b.getScheme()))
        && String.valueOf(a.getHost()).equalsIgnoreCase(String.valueOf(b.getHost()))
        && port(a) == port(b);
  }

  private static int port(URI uri) {
    if (uri.getPort() != -1) {
      return uri.getPort();
    }
    return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
  }

  private static void close(InputStream body) {
    try {
      body.close();
    } catch (IOException e) {
      // The connection is dropped either way; nothing is read from it any more.
    }
  }

  /** Seconds as Go's {@code strconv.FormatFloat(s, 'f', -1, 64)} writes them: 10, 0.5. */
  static String seconds(Duration timeout) {
    return BigDecimal.valueOf(timeout.toMillis(), 3).stripTrailingZeros().toPlainString();
  }
}
