package io.scrapestream.ingest.scrape;

import io.scrapestream.core.config.PrometheusDuration;
import io.scrapestream.core.config.ScrapeHttpConfig;
import io.scrapestream.ingest.scrape.http.DeadlineExceededException;
import io.scrapestream.ingest.scrape.http.Http11Client;
import io.scrapestream.ingest.scrape.http.HttpRequest;
import io.scrapestream.ingest.scrape.http.HttpResponse;
import io.scrapestream.ingest.scrape.http.Origin;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Fetches targets' metrics over HTTP/1.1 for one job ({@link Http11Client}: keep-alive connections,
 * blocking reads on the scrape thread), honouring its {@code http_config}: credentials (files read
 * at each scrape), TLS, proxy, compression, and redirects followed here, at most as many as Go
 * follows, with credentials sent only to the target's own origin (scheme, host and port). One
 * deadline covers connect, headers and body; the body is read within {@code body_size_limit},
 * counted after decompression. Thread-safe.
 */
public final class ScrapeClient implements AutoCloseable {
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

  /**
   * A successful exchange: the status, the content type and the decompressed body (the first {@code
   * length} bytes of {@code bytes}, valid until the {@link BodyBuffer} they are in is used again).
   */
  public record Response(int status, String contentType, byte[] bytes, int length) {
    public Response {
      Objects.requireNonNull(contentType, "contentType");
      Objects.requireNonNull(bytes, "bytes");
      if (length < 0 || length > bytes.length) {
        throw new IllegalArgumentException(
            "length must be within the " + bytes.length + " bytes. Found: " + length);
      }
    }

    /** A copy of the body, for callers that keep it (tools, tests). */
    public byte[] body() {
      return Arrays.copyOf(bytes, length);
    }
  }

  /**
   * When the scrape must be over ({@link System#nanoTime()} based), and the timeout it came from.
   */
  private record Deadline(long nanos, Duration timeout) {
    Deadline {
      Objects.requireNonNull(timeout, "timeout");
    }
  }

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
   * when the exchange fails, the status is not 200, a limit is exceeded or the deadline passes. The
   * body is read into a new buffer.
   */
  public Response fetch(Request request) throws ScrapeException, InterruptedException {
    return fetch(request, new BodyBuffer());
  }

  /** As {@link #fetch(Request)}, reading the body into {@code into} (cleared first). */
  Response fetch(Request request, BodyBuffer into) throws ScrapeException, InterruptedException {
    Deadline deadline =
        new Deadline(System.nanoTime() + request.timeout().toNanos(), request.timeout());
    Http11Client client = clients.current();
    Optional<String> authorization = RequestAuth.header(http.auth());
    try (HttpResponse response = follow(client, request, authorization, deadline)) {
      if (response.status() != 200) {
        throw new ScrapeException(
            "server returned HTTP status " + HttpStatusText.status(response.status()));
      }
      String contentType = response.header("Content-Type").orElse("");
      body(response, request, into);
      return new Response(response.status(), contentType, into.bytes(), into.length());
    }
  }

  /** Reads the decompressed body; an interrupted read is an interruption, not a failed scrape. */
  private static void body(HttpResponse response, Request request, BodyBuffer into)
      throws ScrapeException, InterruptedException {
    boolean gzip = response.header("Content-Encoding").orElse("").equals("gzip");
    BodyReader.Bounds bounds =
        new BodyReader.Bounds(request.timeout(), request.bodySizeLimitBytes());
    try {
      BodyReader.read(response.body(), gzip, response.contentLength(), bounds, into);
    } catch (ScrapeException e) {
      if (Thread.currentThread().isInterrupted()) {
        throw new InterruptedException("scrape of " + request.url() + " interrupted");
      }
      throw e;
    }
  }

  private HttpResponse follow(
      Http11Client client, Request request, Optional<String> authorization, Deadline deadline)
      throws ScrapeException, InterruptedException {
    URI url = request.url();
    for (int requests = 1; ; requests++) {
      Optional<String> credentials =
          sameOrigin(request.url(), url) ? authorization : Optional.empty();
      HttpResponse response = send(client, url, build(url, request, credentials), deadline);
      Optional<String> location = response.header("Location");
      if (!http.followRedirects() || !REDIRECTS.contains(response.status()) || location.isEmpty()) {
        return response;
      }
      response.close();
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
    if (url.getHost() == null) {
      throw ScrapeErrors.request(url, "no Host in request URL");
    }
    List<Map.Entry<String, String>> headers = new ArrayList<>(6);
    headers.add(Map.entry("User-Agent", userAgent));
    headers.add(Map.entry("Accept", request.accept()));
    headers.add(Map.entry("Accept-Encoding", http.enableCompression() ? "gzip" : "identity"));
    headers.add(Map.entry("X-Prometheus-Scrape-Timeout-Seconds", seconds(request.timeout())));
    authorization.ifPresent(value -> headers.add(Map.entry("Authorization", value)));
    try {
      return new HttpRequest(origin(url, scheme), target(url), headers);
    } catch (IllegalArgumentException e) {
      throw ScrapeErrors.request(url, "invalid request: " + e.getMessage());
    }
  }

  private Origin origin(URI url, String scheme) {
    String host = url.getHost();
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    return new Origin(scheme, host, port(url), clients.proxyFor(url));
  }

  /** {@code /path?query} as the URL spells them; an empty path is {@code /}. */
  private static String target(URI url) {
    String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
    return url.getRawQuery() == null ? path : path + "?" + url.getRawQuery();
  }

  private static HttpResponse send(
      Http11Client client, URI url, HttpRequest request, Deadline deadline)
      throws ScrapeException, InterruptedException {
    try {
      return client.send(request, deadline.nanos());
    } catch (DeadlineExceededException e) {
      throw ScrapeErrors.request(
          url,
          "context deadline exceeded (scrape_timeout "
              + PrometheusDuration.format(deadline.timeout())
              + ")");
    } catch (IOException e) {
      if (Thread.currentThread().isInterrupted()) {
        throw new InterruptedException("scrape of " + url + " interrupted");
      }
      throw ScrapeErrors.request(url, ScrapeErrors.describe(e));
    }
  }

  /**
   * Closes the job's idle keep-alive connections, when the job is replaced or no longer assigned. A
   * scrape still under way finishes; its connection is closed instead of pooled.
   */
  @Override
  public void close() {
    clients.close();
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

  /** Seconds as Go's {@code strconv.FormatFloat(s, 'f', -1, 64)} writes them: 10, 0.5. */
  static String seconds(Duration timeout) {
    return BigDecimal.valueOf(timeout.toMillis(), 3).stripTrailingZeros().toPlainString();
  }
}
