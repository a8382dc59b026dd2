package io.scrapestream.core.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code scraper} section: this scraper's id, by default the host name, {@code
 * max_batch_bytes}, the encoded size above which one scrape is split into several records, and
 * {@code allocator}, where the scraper polls its assignment (empty: static {@code scrape_configs}
 * only), and {@code scrape_threads}, how many threads scrape (0: chosen from the cores).
 */
public record ScraperSettings(
    String id,
    long maxBatchBytes,
    Optional<ScraperAllocatorSettings> allocator,
    int scrapeThreads) {
  /** The id used when the host name cannot be found. */
  public static final String FALLBACK_ID = "scraper";

  /** 900 KiB, under Kafka's default 1 MiB {@code max.request.size}. */
  public static final long DEFAULT_MAX_BATCH_BYTES = 900 * 1024;

  /** The smallest {@code max_batch_bytes}: 1 KiB. */
  public static final long MIN_MAX_BATCH_BYTES = 1024;

  /** The largest {@code max_batch_bytes}: 1 GiB. */
  public static final long MAX_MAX_BATCH_BYTES = 1L << 30;

  /** The most {@code scrape_threads}. */
  public static final int MAX_SCRAPE_THREADS = 1024;

  public ScraperSettings {
    ConfigRules.require("id", id, ConfigRules.SCRAPER_ID);
    if (maxBatchBytes < MIN_MAX_BATCH_BYTES || maxBatchBytes > MAX_MAX_BATCH_BYTES) {
      throw new IllegalArgumentException(
          "maxBatchBytes must be between 1KiB and 1GiB. Found: " + maxBatchBytes);
    }
    Objects.requireNonNull(allocator, "allocator must not be null");
    if (scrapeThreads < 0 || scrapeThreads > MAX_SCRAPE_THREADS) {
      throw new IllegalArgumentException(
          "scrapeThreads must be between 0 (from the cores) and 1024. Found: " + scrapeThreads);
    }
  }

  /** Settings whose scrape threads are chosen from the cores. */
  public ScraperSettings(
      String id, long maxBatchBytes, Optional<ScraperAllocatorSettings> allocator) {
    this(id, maxBatchBytes, allocator, 0);
  }

  /** Settings without an allocator: the scraper scrapes its static {@code scrape_configs}. */
  public ScraperSettings(String id, long maxBatchBytes) {
    this(id, maxBatchBytes, Optional.empty());
  }

  /** Settings with this id and the default {@code max_batch_bytes}. */
  public ScraperSettings(String id) {
    this(id, DEFAULT_MAX_BATCH_BYTES);
  }

  /** The id {@link #defaultId()}. */
  public static ScraperSettings defaults() {
    return new ScraperSettings(defaultId());
  }

  /**
   * This host's name ({@code InetAddress.getLocalHost().getHostName()}), or {@value #FALLBACK_ID}
   * when it cannot be found or is not a valid id.
   */
  public static String defaultId() {
    try {
      String name = InetAddress.getLocalHost().getHostName();
      return ConfigRules.SCRAPER_ID.test().test(name) ? name : FALLBACK_ID;
    } catch (UnknownHostException e) {
      return FALLBACK_ID;
    }
  }
}
