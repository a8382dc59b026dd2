package io.scrapestream.core.config;

/**
 * The limits of a job, each 0 for none. Per scrape: samples after metric relabeling, labels per
 * series, label name and value lengths in bytes, and the body size in bytes after decompression.
 * Per scrape pool ({@code target_limit}): the targets one scraper holds for the job — above it,
 * each of them fails its scrapes, as in Prometheus. A job inherits each limit it leaves at 0 from
 * {@code global}, as in Prometheus.
 */
public record ScrapeLimits(
    int sampleLimit,
    int labelLimit,
    int labelNameLengthLimit,
    int labelValueLengthLimit,
    long bodySizeLimitBytes,
    int targetLimit) {
  public static final ScrapeLimits NONE = new ScrapeLimits(0, 0, 0, 0, 0);

  /** Per-scrape limits only, no {@code target_limit}. */
  public ScrapeLimits(
      int sampleLimit,
      int labelLimit,
      int labelNameLengthLimit,
      int labelValueLengthLimit,
      long bodySizeLimitBytes) {
    this(
        sampleLimit,
        labelLimit,
        labelNameLengthLimit,
        labelValueLengthLimit,
        bodySizeLimitBytes,
        0);
  }

  public ScrapeLimits {
    requireNotNegative("sampleLimit", sampleLimit);
    requireNotNegative("labelLimit", labelLimit);
    requireNotNegative("labelNameLengthLimit", labelNameLengthLimit);
    requireNotNegative("labelValueLengthLimit", labelValueLengthLimit);
    requireNotNegative("bodySizeLimitBytes", bodySizeLimitBytes);
    requireNotNegative("targetLimit", targetLimit);
  }

  /** These limits, with each one left at 0 taken from {@code global}. */
  public ScrapeLimits orElse(ScrapeLimits global) {
    return new ScrapeLimits(
        sampleLimit != 0 ? sampleLimit : global.sampleLimit,
        labelLimit != 0 ? labelLimit : global.labelLimit,
        labelNameLengthLimit != 0 ? labelNameLengthLimit : global.labelNameLengthLimit,
        labelValueLengthLimit != 0 ? labelValueLengthLimit : global.labelValueLengthLimit,
        bodySizeLimitBytes != 0 ? bodySizeLimitBytes : global.bodySizeLimitBytes,
        targetLimit != 0 ? targetLimit : global.targetLimit);
  }

  private static void requireNotNegative(String component, long value) {
    if (value < 0) {
      throw new IllegalArgumentException(
          component + " must not be negative (0 means no limit). Found: " + value);
    }
  }
}
