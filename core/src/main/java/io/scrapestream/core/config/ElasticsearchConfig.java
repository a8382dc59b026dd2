package io.scrapestream.core.config;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An Elasticsearch or OpenSearch cluster fed with {@code _bulk}: the cluster's base URL ({@code
 * /_bulk} is appended), the index or data stream written, the timeout of one request, extra
 * headers, the credentials and how document ids are chosen. {@link #toString()} shows neither
 * header values nor secrets.
 */
public record ElasticsearchConfig(
    URI url,
    String index,
    Duration timeout,
    Map<String, String> headers,
    Auth auth,
    DocumentIds documentIds)
    implements ExporterConfig {
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

  private static final Pattern FORBIDDEN_INDEX_CHARS = Pattern.compile("[\\\\/*?\"<>|,#: ]");

  /** Index and data stream names as Elasticsearch and OpenSearch accept them. */
  static final ValueRule<String> INDEX_NAME =
      new ValueRule<>(
          ElasticsearchConfig::isIndexName,
          "must be a lowercase index or data stream name of at most 255 bytes, not starting with"
              + " '-', '_' or '+', without spaces or any of \\ / * ? \" < > | , # :");

  /** How the cluster learns who is writing. */
  public sealed interface Auth {}

  /** No credentials (or credentials passed as a header). */
  public record NoAuth() implements Auth {}

  /** {@code Authorization: Basic base64(username:password)}. */
  public record BasicAuth(String username, Secret password) implements Auth {
    public BasicAuth {
      ConfigRules.require("username", username, ConfigRules.NOT_EMPTY);
      Objects.requireNonNull(password, "password must not be null");
    }
  }

  /** {@code Authorization: ApiKey <key>}, the key as Elasticsearch encodes it (base64 id:key). */
  public record ApiKey(Secret key) implements Auth {
    public ApiKey {
      Objects.requireNonNull(key, "key must not be null");
    }
  }

  /**
   * {@code hash} (the default): each document's {@code _id} is a hash of its series and timestamp,
   * so a replay is answered with 409 and stores nothing twice. {@code auto}: the cluster chooses,
   * as an Elasticsearch time series data stream requires (it derives the id from the dimensions and
   * {@code @timestamp} itself).
   */
  public enum DocumentIds {
    HASH,
    AUTO;

    /** The name used in the configuration file. */
    public String configName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public ElasticsearchConfig {
    ConfigRules.require("url", url == null ? null : url.toString(), ConfigRules.HTTP_URL);
    ConfigRules.require("index", index, INDEX_NAME);
    ConfigRules.require("timeout", timeout, ConfigRules.POSITIVE_DURATION);
    headers = ConfigCollections.ordered("headers", headers);
    headers.forEach(
        (name, value) -> {
          ConfigRules.require("header name", name, ConfigRules.HEADER_NAME);
          ConfigRules.require("value of header " + name, value, ConfigRules.HEADER_VALUE);
        });
    Objects.requireNonNull(auth, "auth must not be null");
    Objects.requireNonNull(documentIds, "documentIds must not be null");
    if (!(auth instanceof NoAuth)
        && headers.keySet().stream().anyMatch("Authorization"::equalsIgnoreCase)) {
      throw new IllegalArgumentException(
          "headers must not set Authorization together with basic_auth or api_key."
              + " Found: Authorization");
    }
  }

  @Override
  public String toString() {
    return "ElasticsearchConfig[url="
        + url
        + ", index="
        + index
        + ", timeout="
        + PrometheusDuration.format(timeout)
        + ", headers="
        + headers.keySet()
        + ", auth="
        + auth
        + ", documentIds="
        + documentIds.configName()
        + "]";
  }

  private static boolean isIndexName(String name) {
    return !name.isEmpty()
        && name.equals(name.toLowerCase(Locale.ROOT))
        && !name.equals(".")
        && !name.equals("..")
        && "-_+".indexOf(name.charAt(0)) < 0
        && !FORBIDDEN_INDEX_CHARS.matcher(name).find()
        && name.getBytes(StandardCharsets.UTF_8).length <= 255;
  }
}
