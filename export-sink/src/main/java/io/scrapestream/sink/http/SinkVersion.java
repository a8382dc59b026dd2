package io.scrapestream.sink.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The module's version (from {@code version.properties}, filled by Maven) and the {@code
 * User-Agent} every HTTP exporter sends.
 */
public final class SinkVersion {
  /** The version of export-sink, e.g. {@code 0.1.0-SNAPSHOT}. */
  public static final String VERSION = read();

  /** {@code scrapestream/<version>}. */
  public static final String USER_AGENT = "scrapestream/" + VERSION;

  private SinkVersion() {}

  private static String read() {
    Properties properties = new Properties();
    try (InputStream in = SinkVersion.class.getResourceAsStream("version.properties")) {
      if (in == null) {
        throw new IllegalStateException(
            "version.properties: must be on the class path next to "
                + SinkVersion.class.getName()
                + ". Found: nothing");
      }
      properties.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException("version.properties could not be read", e);
    }
    return properties.getProperty("version");
  }
}
