package io.scrapestream.core.config;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Reads a backend's {@code otlp} block into an {@link OtlpConfig}. */
final class OtlpConfigReader {
  private static final ValueRule<String> COMPRESSION =
      ValueRule.oneOf(
          List.of(
              OtlpConfig.Compression.GZIP.configName(), OtlpConfig.Compression.NONE.configName()));

  private OtlpConfigReader() {}

  static Optional<ExporterConfig> read(MappingReader m) {
    int problemsBefore = m.problemCount();
    Optional<URI> url = m.required("url", ConfigRules.HTTP_URL).map(URI::create);
    Duration timeout =
        m.duration("timeout", OtlpConfig.DEFAULT_TIMEOUT, ConfigRules.POSITIVE_DURATION);
    Map<String, String> headers =
        m.stringMap("headers", ConfigRules.HEADER_NAME, ConfigRules.HEADER_VALUE);
    String compression =
        m.string("compression", OtlpConfig.Compression.GZIP.configName(), COMPRESSION);
    m.finish();
    if (m.problemCount() > problemsBefore) {
      return Optional.empty();
    }
    return url.map(
        u ->
            new OtlpConfig(
                u,
                timeout,
                headers,
                OtlpConfig.Compression.valueOf(compression.toUpperCase(Locale.ROOT))));
  }
}
