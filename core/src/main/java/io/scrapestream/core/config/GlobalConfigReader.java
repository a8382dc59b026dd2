package io.scrapestream.core.config;

import java.util.List;
import java.util.Map;

/**
 * Reads {@code global}: the interval and timeout jobs inherit, the external labels, and the limits
 * and scrape protocols jobs inherit.
 */
final class GlobalConfigReader {
  private GlobalConfigReader() {}

  static GlobalConfig read(MappingReader m) {
    ScrapeTiming timing =
        ScrapeTiming.read(
            m, GlobalConfig.DEFAULT_SCRAPE_INTERVAL, GlobalConfig.DEFAULT_SCRAPE_TIMEOUT);
    Map<String, String> externalLabels =
        m.stringMap("external_labels", ConfigRules.LABEL_NAME, ValueRule.any());
    ScrapeLimits limits = ScrapeLimitsReader.limits(m);
    List<ScrapeProtocol> protocols =
        ScrapeLimitsReader.protocols(m).orElse(ScrapeProtocol.DEFAULT_ORDER);
    m.finish();
    return new GlobalConfig(timing.interval(), timing.timeout(), externalLabels, limits, protocols);
  }
}
