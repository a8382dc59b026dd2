package io.scrapestream.ingest.assign;

import io.scrapestream.core.config.ScraperAllocatorSettings;
import io.scrapestream.ingest.scrape.ScrapeClient;
import io.scrapestream.ingest.scrape.ScrapeException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The allocator's HTTP API as the OTel Target Allocator serves it: {@code /scrape_configs} and
 * {@code /jobs/<job>/targets?collector_id=<id>&relabeled=true}. Requests go through a {@link
 * ScrapeClient}, so {@code scraper.allocator} takes every {@code http_config} key (credentials read
 * at each request, TLS, proxy), with its timeout as one deadline.
 */
public final class AllocatorApi {
  /** The largest body read; a 100k-target assignment with labels is a few MiB. */
  static final long MAX_BODY_BYTES = 256L << 20;

  private static final String STATUS_PREFIX = "server returned HTTP status ";

  private final ScraperAllocatorSettings settings;
  private final ScrapeClient client;
  private final String base;

  public AllocatorApi(ScraperAllocatorSettings settings, String userAgent) {
    this.settings = settings;
    this.client = new ScrapeClient(settings.http(), userAgent);
    String url = settings.url().toString();
    this.base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  /** The body of {@code /scrape_configs}. */
  public byte[] scrapeConfigs() throws PollException, InterruptedException {
    return get("/scrape_configs");
  }

  /** The body of this scraper's targets of {@code job}, with final labels. */
  public byte[] targets(String job) throws PollException, InterruptedException {
    return get(
        "/jobs/"
            + escape(job)
            + "/targets?collector_id="
            + escape(settings.collectorId())
            + "&relabeled=true");
  }

  private byte[] get(String path) throws PollException, InterruptedException {
    URI url = URI.create(base + path);
    try {
      return client
          .fetch(
              new ScrapeClient.Request(url, settings.timeout(), MAX_BODY_BYTES, "application/json"))
          .body();
    } catch (ScrapeException e) {
      String message = String.valueOf(e.getMessage());
      throw new PollException(
          classify(message),
          message.startsWith("Get \"") ? message : "GET " + url + ": " + message);
    }
  }

  /**
   * {@code status} when the allocator answered with another status than 200 ({@link
   * ScrapeClient#fetch} words it {@value #STATUS_PREFIX}...), else {@code unreachable}.
   */
  static PollFailure classify(String message) {
    return message != null && message.startsWith(STATUS_PREFIX)
        ? PollFailure.STATUS
        : PollFailure.UNREACHABLE;
  }

  /** As Go's {@code url.QueryEscape}, which the allocator's links use and it decodes. */
  static String escape(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
