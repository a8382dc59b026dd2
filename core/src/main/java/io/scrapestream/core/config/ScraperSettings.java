package io.scrapestream.core.config;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** The {@code scraper} section: this scraper's id, by default the host name. */
public record ScraperSettings(String id) {
  /** The id used when the host name cannot be found. */
  public static final String FALLBACK_ID = "scraper";

  public ScraperSettings {
    ConfigRules.require("id", id, ConfigRules.SCRAPER_ID);
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
