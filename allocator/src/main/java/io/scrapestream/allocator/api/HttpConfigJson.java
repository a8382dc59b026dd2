package io.scrapestream.allocator.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scrapestream.core.config.HttpAuth;
import io.scrapestream.core.config.ProxySettings;
import io.scrapestream.core.config.ScrapeHttpConfig;
import io.scrapestream.core.config.Secret;
import io.scrapestream.core.config.SecretSource;
import io.scrapestream.core.config.TlsSettings;
import java.util.Optional;

/**
 * The HTTP keys of a job as Prometheus's {@code HTTPClientConfig} marshals them, inlined in the
 * job: {@code basic_auth} or {@code authorization} ({@code bearer_token(_file)} was read as an
 * {@code authorization} of type {@code Bearer}), {@code tls_config} (left out when every TLS key is
 * at its default), {@code follow_redirects}, {@code enable_http2} and the proxy keys. Secrets (a
 * password, credentials, a TLS key, proxy connect header values) are {@code <secret>} unless
 * revealed; a password in {@code proxy_url} is replaced by {@code xxxxx} as Go's {@code
 * URL.Redacted} does. File references stay file paths: they are not secret.
 */
final class HttpConfigJson {
  private HttpConfigJson() {}

  static void write(ObjectNode node, ScrapeHttpConfig http, boolean revealSecrets) {
    auth(node, http.auth(), revealSecrets);
    if (!http.tls().equals(TlsSettings.DEFAULT)) {
      tls(node.putObject("tls_config"), http.tls(), revealSecrets);
    }
    node.put("follow_redirects", http.followRedirects());
    node.put("enable_http2", http.enableHttp2());
    proxy(node, http.proxy(), revealSecrets);
  }

  private static void auth(ObjectNode node, HttpAuth httpAuth, boolean revealSecrets) {
    if (httpAuth instanceof HttpAuth.Basic basic) {
      ObjectNode auth = node.putObject("basic_auth");
      basic.username().ifPresent(u -> put(auth, "username", u, true));
      basic.password().ifPresent(p -> put(auth, "password", p, revealSecrets));
    } else if (httpAuth instanceof HttpAuth.Authorization authorization) {
      ObjectNode auth = node.putObject("authorization");
      auth.put("type", authorization.type());
      authorization.credentials().ifPresent(c -> put(auth, "credentials", c, revealSecrets));
    }
  }

  /**
   * {@code ca}, {@code cert}, {@code key} (the one secret), then {@code ca_file}, {@code
   * cert_file}, {@code key_file}, then the names and versions, in Prometheus's order.
   */
  private static void tls(ObjectNode node, TlsSettings tls, boolean revealSecrets) {
    inline(node, "ca", tls.ca(), true);
    inline(node, "cert", tls.cert(), true);
    inline(node, "key", tls.key(), revealSecrets);
    file(node, "ca", tls.ca());
    file(node, "cert", tls.cert());
    file(node, "key", tls.key());
    tls.serverName().ifPresent(name -> node.put("server_name", name));
    node.put("insecure_skip_verify", tls.insecureSkipVerify());
    tls.minVersion().ifPresent(v -> node.put("min_version", v.name()));
    tls.maxVersion().ifPresent(v -> node.put("max_version", v.name()));
  }

  private static void proxy(ObjectNode node, ProxySettings proxy, boolean revealSecrets) {
    proxy
        .url()
        .map(Object::toString)
        .ifPresent(url -> node.put("proxy_url", revealSecrets ? url : ProxySettings.redacted(url)));
    if (!proxy.noProxy().isEmpty()) {
      node.put("no_proxy", proxy.noProxy());
    }
    if (proxy.fromEnvironment()) {
      node.put("proxy_from_environment", true);
    }
    if (!proxy.connectHeaders().isEmpty()) {
      ObjectNode headers = node.putObject("proxy_connect_header");
      proxy
          .connectHeaders()
          .forEach(
              (name, values) -> {
                ArrayNode list = headers.putArray(name);
                values.forEach(v -> list.add(revealSecrets ? v : Secret.REDACTED));
              });
    }
  }

  /**
   * An inline secret as {@code key} (redacted unless revealed); a file reference as {@code
   * key_file} with its path, as Prometheus marshals it (the path is not secret).
   */
  private static void put(ObjectNode node, String key, SecretSource source, boolean reveal) {
    inline(node, key, Optional.of(source), reveal);
    file(node, key, Optional.of(source));
  }

  private static void inline(
      ObjectNode node, String key, Optional<SecretSource> source, boolean reveal) {
    if (source.orElse(null) instanceof SecretSource.Inline inline) {
      node.put(key, reveal ? inline.secret().reveal() : Secret.REDACTED);
    }
  }

  private static void file(ObjectNode node, String key, Optional<SecretSource> source) {
    if (source.orElse(null) instanceof SecretSource.FromFile file) {
      node.put(key + "_file", file.path().toString());
    }
  }
}
