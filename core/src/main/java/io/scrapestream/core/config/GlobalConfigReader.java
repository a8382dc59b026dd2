package io.scrapestream.core.config;

import java.util.Map;

/** Reads {@code global}: the interval and timeout jobs inherit, and the external labels. */
final class GlobalConfigReader {
  private GlobalConfigReader() {}

  static GlobalConfig read(MappingReader m) {
    ScrapeTiming timing =
        ScrapeTiming.read(
            m, GlobalConfig.DEFAULT_SCRAPE_INTERVAL, GlobalConfig.DEFAULT_SCRAPE_TIMEOUT);
    Map<String, String> externalLabels =
        m.stringMap("external_labels", ConfigRules.LABEL_NAME, ValueRule.any());
    m.finish();
    return new GlobalConfig(timing.interval(), timing.timeout(), externalLabels);
  }
}
