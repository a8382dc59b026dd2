package io.scrapestream.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ScraperSettingsLoaderTest {
  @Test
  void shouldUse900KibWhenMaxBatchBytesIsNotSet() throws Exception {
    assertThat(load("scraper: {id: s-1}\n").scraper().maxBatchBytes()).isEqualTo(921_600L);
  }

  @Test
  void shouldReadSizeWhenMaxBatchBytesIsWrittenWithUnit() throws Exception {
    assertThat(load("scraper: {id: s-1, max_batch_bytes: 2MiB}\n").scraper())
        .isEqualTo(new ScraperSettings("s-1", 2_097_152L));
  }

  @Test
  void shouldReportProblemWhenMaxBatchBytesIsOutOfRange() {
    ConfigException e =
        catchThrowableOfType(
            ConfigException.class, () -> load("scraper: {id: s-1, max_batch_bytes: 512}\n"));

    assertThat(e.problems())
        .containsExactly("scraper.max_batch_bytes: must be between 1KiB and 1GiB. Found: 512B");
  }

  @Test
  void shouldChooseThreadsFromTheCoresUnlessScrapeThreadsIsSet() throws Exception {
    assertThat(load("scraper: {id: s-1}\n").scraper().scrapeThreads()).isZero();
    assertThat(load("scraper: {id: s-1, scrape_threads: 64}\n").scraper().scrapeThreads())
        .isEqualTo(64);
  }

  @Test
  void shouldReportProblemWhenScrapeThreadsIsOutOfRange() {
    ConfigException e =
        catchThrowableOfType(
            ConfigException.class, () -> load("scraper: {id: s-1, scrape_threads: -1}\n"));

    assertThat(e.problems())
        .containsExactly(
            "scraper.scrape_threads: must be between 0 (from the cores) and 1024. Found: -1");
  }

  @Test
  void shouldRefuseSettingsWhenMaxBatchBytesIsBelowOneKib() {
    assertThatThrownBy(() -> new ScraperSettings("s-1", 1023))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxBatchBytes must be between 1KiB and 1GiB. Found: 1023");
  }

  private static ScrapestreamConfig load(String yaml) throws ConfigException {
    return ConfigLoader.load(yaml, "test.yaml", Map.of(), () -> "host");
  }
}
