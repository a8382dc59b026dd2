package io.scrapestream.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The HTTP keys of a scrape config: credentials, TLS, proxy, redirects, HTTP/2, compression. */
class ScrapeHttpConfigLoaderTest {

  @Test
  void shouldUsePrometheusDefaultsWhenNoHttpKeyIsSet() throws Exception {
    assertThat(http("{}")).isEqualTo(ScrapeHttpConfig.DEFAULT);
    assertThat(ScrapeHttpConfig.DEFAULT.followRedirects()).isTrue();
    assertThat(ScrapeHttpConfig.DEFAULT.enableHttp2()).isTrue();
    assertThat(ScrapeHttpConfig.DEFAULT.enableCompression()).isTrue();
  }

  @Test
  void shouldReadBasicAuthWhenUsernameAndPasswordFileAreSet() throws Exception {
    ScrapeHttpConfig http = http("{basic_auth: {username: u, password_file: /run/secrets/p}}");

    assertThat(http.auth())
        .isEqualTo(
            new HttpAuth.Basic(
                Optional.of(SecretSource.inline("u")),
                Optional.of(SecretSource.file("/run/secrets/p"))));
  }

  @Test
  void shouldSubstituteEnvironmentWhenPasswordMentionsIt() throws Exception {
    ScrapeHttpConfig http =
        ConfigLoader.load(
                "scrape_configs: [{job_name: j, basic_auth: {password: '${env:PW}'}}]\n",
                "test.yaml",
                Map.of("PW", "hunter2"),
                () -> "host")
            .scrapeConfigs()
            .get(0)
            .http();

    assertThat(((HttpAuth.Basic) http.auth()).password().orElseThrow().read()).isEqualTo("hunter2");
  }

  @Test
  void shouldDefaultAuthorizationTypeToBearerWhenTypeIsNotSet() throws Exception {
    ScrapeHttpConfig http = http("{authorization: {credentials_file: /t}}");

    assertThat(http.auth())
        .isEqualTo(new HttpAuth.Authorization("Bearer", Optional.of(SecretSource.file("/t"))));
  }

  @Test
  void shouldKeepCustomTypeWhenAuthorizationSetsOne() throws Exception {
    ScrapeHttpConfig http = http("{authorization: {type: ' Token ', credentials: abc}}");

    assertThat(http.auth())
        .isEqualTo(new HttpAuth.Authorization("Token", Optional.of(SecretSource.inline("abc"))));
  }

  @Test
  void shouldReadLegacyBearerTokenAsBearerAuthorizationWhenSet() throws Exception {
    assertThat(http("{bearer_token: abc}").auth())
        .isEqualTo(new HttpAuth.Authorization("Bearer", Optional.of(SecretSource.inline("abc"))));
    assertThat(http("{bearer_token_file: /var/run/token}").auth())
        .isEqualTo(
            new HttpAuth.Authorization("Bearer", Optional.of(SecretSource.file("/var/run/token"))));
  }

  @Test
  void shouldReadEveryTlsKeyWhenTlsConfigIsComplete() throws Exception {
    ScrapeHttpConfig http =
        http(
            "{tls_config: {ca_file: /ca.pem, cert: CERT, key_file: /key.pem,"
                + " server_name: scrape.test, insecure_skip_verify: true,"
                + " min_version: TLS12, max_version: TLS13}}");

    assertThat(http.tls())
        .isEqualTo(
            new TlsSettings(
                Optional.of(SecretSource.file("/ca.pem")),
                Optional.of(SecretSource.inline("CERT")),
                Optional.of(SecretSource.file("/key.pem")),
                Optional.of("scrape.test"),
                true,
                Optional.of(TlsVersion.TLS12),
                Optional.of(TlsVersion.TLS13)));
  }

  @Test
  void shouldReadProxyAndSwitchesWhenSet() throws Exception {
    ScrapeHttpConfig http =
        http(
            "{proxy_url: 'http://proxy:3128', no_proxy: 'localhost,.internal',"
                + " follow_redirects: false, enable_http2: false, enable_compression: false}");

    assertThat(http)
        .isEqualTo(
            new ScrapeHttpConfig(
                HttpAuth.NONE,
                TlsSettings.DEFAULT,
                new ProxySettings(
                    Optional.of(URI.create("http://proxy:3128")), "localhost,.internal", false),
                false,
                false,
                false));
  }

  @Test
  void shouldReadProxyConnectHeadersInOrderWhenSet() throws Exception {
    ScrapeHttpConfig http =
        http(
            "{proxy_from_environment: true,"
                + " proxy_connect_header: {X-Tenant: [a, b], Proxy-Authorization: [Bearer t]}}");

    assertThat(http.proxy().connectHeaders())
        .containsExactly(
            Map.entry("X-Tenant", List.of("a", "b")),
            Map.entry("Proxy-Authorization", List.of("Bearer t")));
    assertThat(http.proxy().toString())
        .isEqualTo(
            "ProxySettings[url=Optional.empty, noProxy=, fromEnvironment=true,"
                + " connectHeaders=[X-Tenant, Proxy-Authorization]]");
  }

  @Test
  void shouldReadProxyFromEnvironmentWhenAlone() throws Exception {
    assertThat(http("{proxy_from_environment: true}").proxy())
        .isEqualTo(new ProxySettings(Optional.empty(), "", true));
  }

  @Test
  void shouldReportEveryAuthConflictWhenKeysExcludeEachOther() {
    assertThat(
            problems(
                "{basic_auth: {username: u, username_file: /u, password: p, password_file: /p},"
                    + " bearer_token: t}",
                "{authorization: {type: Basic, credentials: c, credentials_file: /c}}",
                "{bearer_token: t, bearer_token_file: /t}",
                "{authorization: {credentials: c}, basic_auth: {}}"))
        .containsExactly(
            "scrape_configs[0].basic_auth: at most one of username & username_file must be"
                + " configured. Found: username, username_file",
            "scrape_configs[0].basic_auth: at most one of password & password_file must be"
                + " configured. Found: password, password_file",
            "scrape_configs[0]: at most one of basic_auth, authorization, bearer_token &"
                + " bearer_token_file must be configured. Found: basic_auth, bearer_token",
            "scrape_configs[1].authorization: at most one of credentials & credentials_file must"
                + " be configured. Found: credentials, credentials_file",
            "scrape_configs[1].authorization.type: must not be \"basic\" (use basic_auth"
                + " instead). Found: \"Basic\"",
            "scrape_configs[2]: at most one of basic_auth, authorization, bearer_token &"
                + " bearer_token_file must be configured. Found: bearer_token, bearer_token_file",
            "scrape_configs[3]: at most one of basic_auth, authorization, bearer_token &"
                + " bearer_token_file must be configured. Found: basic_auth, authorization");
  }

  @Test
  void shouldReportTlsProblemsWhenTlsConfigIsInconsistent() {
    assertThat(
            problems(
                "{tls_config: {ca: A, ca_file: /a, cert_file: /c}}",
                "{tls_config: {key: K, min_version: TLS13, max_version: TLS12}}",
                "{tls_config: {min_version: TLS14, sni: x}}"))
        .containsExactly(
            "scrape_configs[0].tls_config: at most one of ca & ca_file must be configured."
                + " Found: ca, ca_file",
            "scrape_configs[0].tls_config: must set key or key_file when a client certificate is"
                + " configured. Found: cert only",
            "scrape_configs[1].tls_config: must set cert or cert_file when a client key is"
                + " configured. Found: key only",
            "scrape_configs[1].tls_config.max_version: must not be below min_version (TLS13)."
                + " Found: TLS12",
            "scrape_configs[2].tls_config.min_version: must be one of: TLS10, TLS11, TLS12,"
                + " TLS13. Found: \"TLS14\"",
            "scrape_configs[2].tls_config.sni: unknown key. Expected one of: ca, ca_file, cert,"
                + " cert_file, key, key_file, server_name, insecure_skip_verify, min_version,"
                + " max_version");
  }

  @Test
  void shouldReportProxyProblemsWhenProxyKeysConflict() {
    assertThat(
            problems(
                "{proxy_url: 'socks5://p:1080'}",
                "{no_proxy: localhost}",
                "{proxy_from_environment: true, proxy_url: 'http://p:3128'}",
                "{proxy_from_environment: true, no_proxy: localhost}",
                "{follow_redirects: maybe}",
                "{proxy_url: 'https://scraper:s3cret@p:3128'}",
                "{proxy_from_environment: true, proxy_url: 'http://scraper:s3cret@p:3128'}",
                "{proxy_connect_header: {X-Tenant: [a]}}",
                "{proxy_url: 'http://p:3128', proxy_connect_header: {X-Tenant: [\"a\\nb\"]}}"))
        .containsExactly(
            "scrape_configs[0].proxy_url: must be an http:// URL with a host. Found:"
                + " \"socks5://p:1080\"",
            "scrape_configs[1].no_proxy: must not be set without proxy_url. Found: \"localhost\"",
            "scrape_configs[2].proxy_url: must not be set with proxy_from_environment. Found:"
                + " \"http://p:3128\"",
            "scrape_configs[3].no_proxy: must not be set with proxy_from_environment. Found:"
                + " \"localhost\"",
            "scrape_configs[4].follow_redirects: must be a boolean. Found: \"maybe\"",
            "scrape_configs[5].proxy_url: must be an http:// URL with a host. Found:"
                + " \"https://scraper:xxxxx@p:3128\"",
            "scrape_configs[6].proxy_url: must not be set with proxy_from_environment. Found:"
                + " \"http://scraper:xxxxx@p:3128\"",
            "scrape_configs[7].proxy_connect_header: must not be set without proxy_url or"
                + " proxy_from_environment. Found: X-Tenant",
            "scrape_configs[8].proxy_connect_header: must not contain control characters in a"
                + " value (it would split the request). Found: X-Tenant");
  }

  @Test
  void shouldTreatEmptyTextAsNotSetWhenCredentialsAreEmpty() throws Exception {
    assertThat(http("{bearer_token: '', basic_auth: {username: '', password: ''}}").auth())
        .isEqualTo(new HttpAuth.Basic(Optional.empty(), Optional.empty()));
  }

  @Test
  void shouldNeverShowSecretsWhenConfigIsPrinted() throws Exception {
    ScrapeConfig job =
        ConfigLoader.load(
                "scrape_configs: [{job_name: j, basic_auth: {username: admin, password: hunter2},"
                    + " tls_config: {cert: CERT, key: PRIVATE}}]\n",
                "test.yaml",
                Map.of(),
                () -> "host")
            .scrapeConfigs()
            .get(0);

    assertThat(job.toString()).doesNotContain("hunter2", "admin", "PRIVATE").contains("<secret>");
    assertThat(SecretSource.file("/p")).isEqualTo(new SecretSource.FromFile(Path.of("/p")));
  }

  private static ScrapeHttpConfig http(String jobKeys) throws ConfigException {
    String yaml = "scrape_configs: [" + job("j", jobKeys) + "]\n";
    return ConfigLoader.load(yaml, "t", Map.of(), () -> "h").scrapeConfigs().get(0).http();
  }

  /**
   * A flow mapping {@code {job_name: <name>, <keys>}} from {@code keys} written as {@code {...}}.
   */
  static String job(String name, String keys) {
    String inner = keys.substring(1, keys.length() - 1).strip();
    return "{job_name: " + name + (inner.isEmpty() ? "" : ", " + inner) + "}";
  }

  /** The problems of one load with one job per argument (job names j0, j1, ...). */
  static List<String> problems(String... jobs) {
    StringBuilder yaml = new StringBuilder("scrape_configs:\n");
    for (int i = 0; i < jobs.length; i++) {
      yaml.append("  - ").append(job("j" + i, jobs[i])).append('\n');
    }
    return catchThrowableOfType(
            ConfigException.class,
            () -> ConfigLoader.load(yaml.toString(), "t", Map.of(), () -> "h"))
        .problems();
  }
}
