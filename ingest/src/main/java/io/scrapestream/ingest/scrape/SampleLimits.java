package io.scrapestream.ingest.scrape;

import io.scrapestream.core.config.ScrapeLimits;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;

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

  /** Throws when the series breaks a label limit; the scrape then fails. */
  void checkLabels(SortedMap<String, String> labels) {
    String metric = labels.getOrDefault("__name__", "");
    if (limits.labelLimit() > 0 && labels.size() > limits.labelLimit()) {
      throw new ScrapeLimitExceededException(
          String.format(
              Locale.ROOT,
              "label_limit exceeded (metric: %s, number of labels: %d, limit: %d)",
              cut(metric),
              labels.size(),
              limits.labelLimit()),
          ScrapeLimitKind.LABEL);
    }
    for (Map.Entry<String, String> label : labels.entrySet()) {
      checkName(metric, label.getKey());
      checkValue(metric, label.getKey(), label.getValue());
    }
  }

  private void checkName(String metric, String name) {
    int length = utf8Length(name);
    if (limits.labelNameLengthLimit() > 0 && length > limits.labelNameLengthLimit()) {
      throw new ScrapeLimitExceededException(
          String.format(
              Locale.ROOT,
              "label_name_length_limit exceeded (metric: %s, label name: %s, length: %d, limit:"
                  + " %d)",
              cut(metric),
              cut(name),
              length,
              limits.labelNameLengthLimit()),
          ScrapeLimitKind.LABEL_NAME_LENGTH);
    }
  }

  private void checkValue(String metric, String name, String value) {
    int length = utf8Length(value);
    if (limits.labelValueLengthLimit() > 0 && length > limits.labelValueLengthLimit()) {
      throw new ScrapeLimitExceededException(
          String.format(
              Locale.ROOT,
              "label_value_length_limit exceeded (metric: %s, label name: %s, value: %s, length:"
                  + " %d, limit: %d)",
              cut(metric),
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

  private static int utf8Length(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) >= 0x80) {
        return text.getBytes(StandardCharsets.UTF_8).length;
      }
    }
    return text.length();
  }
}
