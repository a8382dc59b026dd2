package io.scrapestream.sink.elasticsearch;

import io.scrapestream.core.config.ElasticsearchConfig;
import io.scrapestream.core.config.Secret;
import io.scrapestream.sink.http.HttpEndpointRules;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Where and how an {@link ElasticsearchExporter} sends: immutable and validated on construction.
 *
 * @param backend the backend name (logs, metric labels)
 * @param url the cluster's base URL; requests go to {@code <url>/_bulk}
 * @param index the index or data stream every document is created in
 * @param timeout the whole-request timeout (also the connect timeout)
 * @param headers extra request headers; never the protocol's own
 * @param authorization the {@code Authorization} header value, when the cluster wants one
 * @param hashIds whether each document gets a content-hash {@code _id} (else the cluster chooses)
 */
public record BulkEndpoint(
    String backend,
    URI url,
    String index,
    Duration timeout,
    Map<String, String> headers,
    Optional<Secret> authorization,
    boolean hashIds) {

  /** Headers the protocol sets itself. */
  private static final Set<String> RESERVED_HEADERS = Set.of("content-type", "user-agent");

  public BulkEndpoint {
    List<String> problems = new ArrayList<>();
    HttpEndpointRules.check(
        new HttpEndpointRules.Common(backend, url, timeout, headers), RESERVED_HEADERS, problems);
    if (index == null || index.isBlank()) {
      problems.add("index: must not be blank. Found: " + index);
    }
    Objects.requireNonNull(authorization, "authorization");
    if (authorization.isPresent()
        && headers != null
        && headers.keySet().stream().anyMatch("Authorization"::equalsIgnoreCase)) {
      problems.add(
          "headers: must not set Authorization when credentials are set. Found: Authorization");
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException("invalid bulk endpoint: " + String.join("; ", problems));
    }
    headers = Map.copyOf(headers);
  }

  /** The endpoint a backend's configuration describes, with its credentials as a header. */
  public static BulkEndpoint from(String backend, ElasticsearchConfig config) {
    return new BulkEndpoint(
        backend,
        config.url(),
        config.index(),
        config.timeout(),
        config.headers(),
        authorization(config.auth()),
        config.documentIds() == ElasticsearchConfig.DocumentIds.HASH);
  }

  /** {@code Basic base64(username:password)} or {@code ApiKey <key>}; empty without credentials. */
  static Optional<Secret> authorization(ElasticsearchConfig.Auth auth) {
    if (auth instanceof ElasticsearchConfig.BasicAuth basic) {
      byte[] credentials =
          (basic.username() + ":" + basic.password().reveal()).getBytes(StandardCharsets.UTF_8);
      return Optional.of(new Secret("Basic " + Base64.getEncoder().encodeToString(credentials)));
    }
    if (auth instanceof ElasticsearchConfig.ApiKey key) {
      return Optional.of(new Secret("ApiKey " + key.key().reveal()));
    }
    return Optional.empty();
  }

  /** {@code <url>/_bulk}, keeping a path prefix of the base URL. */
  public URI bulkUrl() {
    String base = url.toString();
    return URI.create(base.endsWith("/") ? base + "_bulk" : base + "/_bulk");
  }

  /** The URL without user information, safe for logs and error messages. */
  public String redactedUrl() {
    return HttpEndpointRules.redacted(url);
  }

  /** Header values and credentials are secrets: only header names are shown. */
  @Override
  public String toString() {
    return "BulkEndpoint[backend="
        + backend
        + ", url="
        + redactedUrl()
        + ", index="
        + index
        + ", timeout="
        + timeout
        + ", headers="
        + new TreeMap<>(headers).keySet()
        + ", authorization="
        + authorization.map(a -> "redacted").orElse("none")
        + ", hashIds="
        + hashIds
        + "]";
  }
}
