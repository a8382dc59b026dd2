package io.scrapestream.core.config;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the HTTP keys of a scrape config (Prometheus's inlined {@code http_config}): {@code
 * basic_auth}, {@code authorization}, {@code bearer_token(_file)}, {@code tls_config}, the proxy
 * keys, {@code follow_redirects}, {@code enable_http2} and {@code enable_compression}. Conflicting
 * keys are reported as Prometheus words them ({@code at most one of ... must be configured}).
 */
final class ScrapeHttpConfigReader {
  private ScrapeHttpConfigReader() {}

  static ScrapeHttpConfig read(MappingReader m) {
    HttpAuth auth = auth(m);
    TlsSettings tls = TlsSettingsReader.read(m.mapping("tls_config"));
    ProxySettings proxy = proxy(m);
    boolean followRedirects = m.bool("follow_redirects", true);
    boolean enableHttp2 = m.bool("enable_http2", true);
    boolean enableCompression = m.bool("enable_compression", true);
    return new ScrapeHttpConfig(auth, tls, proxy, followRedirects, enableHttp2, enableCompression);
  }

  private static HttpAuth auth(MappingReader m) {
    Optional<HttpAuth> basic = m.value("basic_auth").map(v -> basic(MappingReader.of(v)));
    Optional<HttpAuth> authorization =
        m.value("authorization").flatMap(v -> authorization(MappingReader.of(v)));
    Optional<SecretSource> bearer = secret(m, "bearer_token");
    Optional<SecretSource> bearerFile = file(m, "bearer_token_file");
    List<String> present = new ArrayList<>();
    addIf(present, basic.isPresent(), "basic_auth");
    addIf(present, m.value("authorization").isPresent(), "authorization");
    addIf(present, bearer.isPresent(), "bearer_token");
    addIf(present, bearerFile.isPresent(), "bearer_token_file");
    if (present.size() > 1) {
      m.problem(
          "at most one of basic_auth, authorization, bearer_token & bearer_token_file must be"
              + " configured",
          String.join(", ", present));
      return HttpAuth.NONE;
    }
    Optional<SecretSource> token = bearer.or(() -> bearerFile);
    if (token.isPresent()) {
      return new HttpAuth.Authorization(HttpAuth.Authorization.DEFAULT_TYPE, token);
    }
    return basic.or(() -> authorization).orElse(HttpAuth.NONE);
  }

  private static HttpAuth basic(MappingReader m) {
    Optional<SecretSource> username = oneOf(m, "username", "username_file");
    Optional<SecretSource> password = oneOf(m, "password", "password_file");
    m.finish();
    return new HttpAuth.Basic(username, password);
  }

  private static Optional<HttpAuth> authorization(MappingReader m) {
    String type = m.string("type", "").strip();
    Optional<SecretSource> credentials = oneOf(m, "credentials", "credentials_file");
    m.finish();
    if (type.toLowerCase(Locale.ROOT).equals("basic")) {
      m.problem(
          "type", "must not be \"basic\" (use basic_auth instead)", ConfigProblems.quote(type));
      return Optional.empty();
    }
    String effectiveType = type.isEmpty() ? HttpAuth.Authorization.DEFAULT_TYPE : type;
    return Optional.of(new HttpAuth.Authorization(effectiveType, credentials));
  }

  /**
   * An inline secret under {@code inlineKey} or a file under {@code fileKey}; both set is a problem
   * on the mapping.
   */
  static Optional<SecretSource> oneOf(MappingReader m, String inlineKey, String fileKey) {
    Optional<SecretSource> inline = secret(m, inlineKey);
    Optional<SecretSource> file = file(m, fileKey);
    if (inline.isPresent() && file.isPresent()) {
      m.problem(
          "at most one of " + inlineKey + " & " + fileKey + " must be configured",
          inlineKey + ", " + fileKey);
      return Optional.empty();
    }
    return inline.or(() -> file);
  }

  /** A non-empty inline value; empty text counts as not set, as in Prometheus. */
  private static Optional<SecretSource> secret(MappingReader m, String key) {
    return m.value(key)
        .flatMap(ValueReader::text)
        .filter(t -> !t.isEmpty())
        .map(SecretSource::inline);
  }

  private static Optional<SecretSource> file(MappingReader m, String key) {
    String path = m.string(key, "");
    if (path.isEmpty()) {
      return Optional.empty();
    }
    return m.value(key).flatMap(v -> v.check(path, ConfigRules.FILE_PATH)).map(SecretSource::file);
  }

  private static ProxySettings proxy(MappingReader m) {
    Optional<URI> url = proxyUrl(m);
    String noProxy = m.string("no_proxy", "");
    boolean fromEnvironment = m.bool("proxy_from_environment", false);
    Map<String, List<String>> connectHeaders =
        m.stringListMap("proxy_connect_header", ConfigRules.NOT_EMPTY);
    if (fromEnvironment && url.isPresent()) {
      m.problem(
          "proxy_url",
          "must not be set with proxy_from_environment",
          ConfigProblems.quote(ProxySettings.redacted(url.get().toString())));
      return ProxySettings.NONE;
    }
    if (fromEnvironment && !noProxy.isEmpty()) {
      m.problem(
          "no_proxy", "must not be set with proxy_from_environment", ConfigProblems.quote(noProxy));
      return ProxySettings.NONE;
    }
    if (url.isEmpty() && !noProxy.isEmpty()) {
      m.problem("no_proxy", "must not be set without proxy_url", ConfigProblems.quote(noProxy));
      return ProxySettings.NONE;
    }
    if (!connectHeaders.isEmpty() && url.isEmpty() && !fromEnvironment) {
      m.problem(
          "proxy_connect_header",
          "must not be set without proxy_url or proxy_from_environment",
          String.join(", ", connectHeaders.keySet()));
      return ProxySettings.NONE;
    }
    for (Map.Entry<String, List<String>> header : connectHeaders.entrySet()) {
      if (header.getValue().stream().anyMatch(v -> HeaderText.controlCharacterAt(v) >= 0)) {
        m.problem(
            "proxy_connect_header",
            "must not contain control characters in a value (it would split the request)",
            header.getKey());
        return ProxySettings.NONE;
      }
    }
    return new ProxySettings(url, noProxy, fromEnvironment, connectHeaders);
  }

  /** {@code proxy_url}; a bad one is reported with its password redacted, as Prometheus does. */
  private static Optional<URI> proxyUrl(MappingReader m) {
    String text = m.string("proxy_url", "");
    if (text.isEmpty()) {
      return Optional.empty();
    }
    if (!ProxySettings.URL_RULE.test().test(text)) {
      m.problem(
          "proxy_url",
          ProxySettings.URL_RULE.expectation(),
          ConfigProblems.quote(ProxySettings.redacted(text)));
      return Optional.empty();
    }
    return Optional.of(URI.create(text));
  }

  private static void addIf(List<String> names, boolean condition, String name) {
    if (condition) {
      names.add(name);
    }
  }
}
