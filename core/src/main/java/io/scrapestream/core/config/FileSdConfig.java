package io.scrapestream.core.config;

import java.time.Duration;
import java.util.List;

/**
 * One entry of {@code file_sd_configs}: file patterns ({@code *} allowed in the last path element
 * only) of JSON or YAML target group files, re-read when they change and every refresh interval.
 */
public record FileSdConfig(List<String> files, Duration refreshInterval) {
  public static final Duration DEFAULT_REFRESH_INTERVAL = Duration.ofMinutes(5);

  public FileSdConfig {
    files = List.copyOf(files);
    if (files.isEmpty()) {
      throw new IllegalArgumentException("files must not be empty");
    }
    files.forEach(file -> ConfigRules.require("file pattern", file, ConfigRules.FILE_SD_PATTERN));
    ConfigRules.require("refreshInterval", refreshInterval, ConfigRules.POSITIVE_DURATION);
  }
}
