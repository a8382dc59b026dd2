package io.scrapestream.ingest.scrape;

import io.scrapestream.core.config.ScrapeLimits;
import java.util.Locale;

/**
 * The per-series limits of a scrape, checked on the final label set (target labels merged) as
 * Prometheus's {@code verifyLabelLimits} does, with its messages: {@code label_limit} counts labels
 * including {@code __name__}, the length limits count UTF-8 bytes, and names and values are cut to
 * 50 characters in the message.
 */
final class SampleLimits {
  private static final int SHOWN = 50;

  private final ScrapeLimits limits;

  SampleLimits(ScrapeLimits limits) {
    this.limits = limits;
  }

  /**
   * Throws when the series breaks a label limit; the scrape then fails. The labels must be
   * {@linkplain MergedLabels#resolve resolved}: lengths come from the symbols' cached UTF-8
   * lengths.
   */
  void checkLabels(MergedLabels labels, ScrapeSymbols symbols) {
    if (limits.labelLimit() > 0 && labels.size() > limits.labelLimit()) {
      throw new ScrapeLimitExceededException(
          String.format(
              Locale.ROOT,
              "label_limit exceeded (metric: %s, number of labels: %d, limit: %d)",
              cut(metric(labels)),
              labels.size(),
              limits.labelLimit()),
          ScrapeLimitKind.LABEL);
    }
    if (limits.labelNameLengthLimit() <= 0 && limits.labelValueLengthLimit() <= 0) {
      return;
    }
    for (int i = 0; i < labels.size(); i++) {
      checkName(labels, i, symbols.utf8Length(labels.nameEntry(i)));
      checkValue(labels, i, symbols.utf8Length(labels.valueEntry(i)));
    }
  }

  private static String metric(MergedLabels labels) {
    int i = labels.indexOf("__name__");
    return i < 0 ? "" : labels.value(i);
  }

  private void checkName(MergedLabels labels, int i, int length) {
    if (limits.labelNameLengthLimit() > 0 && length > limits.labelNameLengthLimit()) {
      String name = labels.name(i);
      throw new ScrapeLimitExceededException(
          String.format(
              Locale.ROOT,
              "label_name_length_limit exceeded (metric: %s, label name: %s, length: %d, limit:"
                  + " %d)",
              cut(metric(labels)),
              cut(name),
              length,
              limits.labelNameLengthLimit()),
          ScrapeLimitKind.LABEL_NAME_LENGTH);
    }
  }

  private void checkValue(MergedLabels labels, int i, int length) {
    if (limits.labelValueLengthLimit() > 0 && length > limits.labelValueLengthLimit()) {
      String name = labels.name(i);
      String value = labels.value(i);
      throw new ScrapeLimitExceededException(
          String.format(
              Locale.ROOT,
              "label_value_length_limit exceeded (metric: %s, label name: %s, value: %s, length:"
                  + " %d, limit: %d)",
              cut(metric(labels)),
              cut(name),
              GoQuote.quote(cut(value)),
              length,
              limits.labelValueLengthLimit()),
          ScrapeLimitKind.LABEL_VALUE_LENGTH);
    }
  }

  /** The first 50 code points, as Go's {@code %.50s} prints. */
  static String cut(String text) {
    return text.codePointCount(0, text.length()) <= SHOWN
        ? text
        : text.substring(0, text.offsetByCodePoints(0, SHOWN));
  }
}
