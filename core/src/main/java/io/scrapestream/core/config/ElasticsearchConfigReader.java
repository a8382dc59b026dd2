package io.scrapestream.core.config;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Reads a backend's {@code elasticsearch} block into an {@link ElasticsearchConfig}. */
final class ElasticsearchConfigReader {
  private static final ValueRule<String> DOCUMENT_IDS =
      ValueRule.oneOf(
          List.of(
              ElasticsearchConfig.DocumentIds.HASH.configName(),
              ElasticsearchConfig.DocumentIds.AUTO.configName()));

  private ElasticsearchConfigReader() {}

  static Optional<ExporterConfig> read(MappingReader m) {
    int problemsBefore = m.problemCount();
    Optional<URI> url = m.required("url", ConfigRules.HTTP_URL).map(URI::create);
    Optional<String> index = m.required("index", ElasticsearchConfig.INDEX_NAME);
    Duration timeout =
        m.duration("timeout", ElasticsearchConfig.DEFAULT_TIMEOUT, ConfigRules.POSITIVE_DURATION);
    Map<String, String> headers =
        m.stringMap("headers", ConfigRules.HEADER_NAME, ConfigRules.HEADER_VALUE);
    ElasticsearchConfig.Auth auth = auth(m, headers);
    String ids =
        m.string("document_id", ElasticsearchConfig.DocumentIds.HASH.configName(), DOCUMENT_IDS);
    m.finish();
    if (m.problemCount() > problemsBefore || url.isEmpty() || index.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new ElasticsearchConfig(
            url.get(),
            index.get(),
            timeout,
            headers,
            auth,
            ElasticsearchConfig.DocumentIds.valueOf(ids.toUpperCase(Locale.ROOT))));
  }

  /**
   * At most one of {@code basic_auth} and {@code api_key}; neither with an Authorization header.
   */
  private static ElasticsearchConfig.Auth auth(MappingReader m, Map<String, String> headers) {
    List<ElasticsearchConfig.Auth> auths = new ArrayList<>();
    List<String> present = new ArrayList<>();
    if (m.has("basic_auth")) {
      present.add("basic_auth");
      basicAuth(m.mapping("basic_auth")).ifPresent(auths::add);
    }
    if (m.has("api_key")) {
      present.add("api_key");
      Optional.ofNullable(m.string("api_key", null, ConfigRules.NOT_EMPTY))
          .map(key -> new ElasticsearchConfig.ApiKey(new Secret(key)))
          .ifPresent(auths::add);
    }
    if (present.size() > 1) {
      m.problem("must have at most one of basic_auth, api_key", String.join(", ", present));
    }
    headers.keySet().stream()
        .filter(name -> !present.isEmpty() && name.equalsIgnoreCase("Authorization"))
        .forEach(
            name ->
                m.problem(
                    "headers." + name,
                    "must not be set together with " + String.join(", ", present),
                    ConfigProblems.quote(name)));
    return auths.size() == 1 ? auths.get(0) : new ElasticsearchConfig.NoAuth();
  }

  private static Optional<ElasticsearchConfig.Auth> basicAuth(MappingReader m) {
    Optional<String> username = m.required("username", ConfigRules.NOT_EMPTY);
    Optional<String> password = m.required("password", ConfigRules.NOT_EMPTY);
    m.finish();
    if (username.isEmpty() || password.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new ElasticsearchConfig.BasicAuth(username.get(), new Secret(password.get())));
  }
}
