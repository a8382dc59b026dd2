package io.scrapestream.ingest.scrape;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.zip.GZIPInputStream;

/**
 * Fetches a target's metrics over HTTP with one deadline for the whole exchange, body included (the
 * JDK client's own request timeout stops at the response headers).
 */
public final class ScrapeClient {
  /** What Prometheus 2.x asks for, in its order of preference. */
  static final String ACCEPT =
      "application/openmetrics-text;version=1.0.0,application/openmetrics-text;version=0.0.1;q=0.75,"
          + "text/plain;version=0.0.4;q=0.5,*/*;q=0.1";

  private final HttpClient client;
  private final String userAgent;

  public ScrapeClient(String userAgent) {
    this.client =
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    this.userAgent = userAgent;
  }

  /** A successful exchange: the status, the content type and the decompressed body. */
  public record Response(int status, String contentType, byte[] body) {}

  /**
   * Scrapes {@code url}; throws {@link ScrapeException} with a Prometheus-like reason when the
   * exchange fails or the deadline passes.
   */
  public Response fetch(URI url, Duration timeout) throws ScrapeException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(url)
            .header("Accept", ACCEPT)
            .header("Accept-Encoding", "gzip")
            .header("User-Agent", userAgent)
            .header("X-Prometheus-Scrape-Timeout-Seconds", seconds(timeout))
            .GET()
            .build();
    CompletableFuture<HttpResponse<byte[]>> future =
        client.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray());
    try {
      HttpResponse<byte[]> response = future.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
      if (response.statusCode() != 200) {
        throw new ScrapeException("server returned HTTP status " + response.statusCode());
      }
      String contentType = response.headers().firstValue("Content-Type").orElse("");
      return new Response(response.statusCode(), contentType, decode(response));
    } catch (TimeoutException e) {
      future.cancel(true);
      throw new ScrapeException("context deadline exceeded after " + timeout.toMillis() + "ms");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      throw new ScrapeException(cause.getClass().getSimpleName() + ": " + cause.getMessage());
    } catch (InterruptedException e) {
      future.cancel(true);
      throw e;
    }
  }

  private static byte[] decode(HttpResponse<byte[]> response) throws ScrapeException {
    String encoding = response.headers().firstValue("Content-Encoding").orElse("identity");
    if (!encoding.toLowerCase(Locale.ROOT).equals("gzip")) {
      return response.body();
    }
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(response.body()))) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new ScrapeException("cannot decompress gzip body: " + e.getMessage());
    }
  }

  private static String seconds(Duration timeout) {
    return String.valueOf(timeout.toMillis() / 1000.0);
  }
}
