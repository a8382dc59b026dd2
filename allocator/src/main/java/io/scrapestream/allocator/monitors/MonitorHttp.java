package io.scrapestream.allocator.monitors;

import io.scrapestream.core.config.HttpAuth;
import io.scrapestream.core.config.ProxySettings;
import io.scrapestream.core.config.ScrapeHttpConfig;
import io.scrapestream.core.config.SecretSource;
import io.scrapestream.core.config.TlsSettings;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The HTTP side of a monitor endpoint: {@code basicAuth}, {@code bearerTokenSecret}, {@code
 * authorization} and {@code tlsConfig}, with every Secret read now and held inline. A file
 * reference anywhere in the endpoint is refused: it would read the allocator's own files (the
 * service-account token) on the scrapers' behalf.
 */
final class MonitorHttp {
  private final String namespace;
  private final SecretLookup secrets;

  MonitorHttp(String namespace, SecretLookup secrets) {
    this.namespace = namespace;
    this.secrets = secrets;
  }

  ScrapeHttpConfig of(SpecTree endpoint) {
    refuseFiles(endpoint.path(), endpoint.values());
    TlsSettings tls = endpoint.tree("tlsConfig").map(this::tls).orElse(TlsSettings.DEFAULT);
    return new ScrapeHttpConfig(auth(endpoint), tls, ProxySettings.NONE, true, true, true);
  }

  /** Refuses every key that names a file ({@code *File}, {@code fileSDConfigs}), at any depth. */
  static void refuseFiles(String path, Object value) {
    if (value instanceof Map<?, ?> map) {
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        String key = String.valueOf(entry.getKey());
        if ((key.endsWith("File") || key.equals("fileSDConfigs")) && entry.getValue() != null) {
          throw new MonitorRejectedException(
              RejectReason.FILE_REFERENCE,
              path + "." + key + ": file references are refused. Found: " + entry.getValue());
        }
        refuseFiles(path + "." + key, entry.getValue());
      }
    } else if (value instanceof List<?> list) {
      for (int i = 0; i < list.size(); i++) {
        refuseFiles(path + "[" + i + "]", list.get(i));
      }
    }
  }

  private HttpAuth auth(SpecTree endpoint) {
    Optional<SpecTree> basic = endpoint.tree("basicAuth");
    if (basic.isPresent()) {
      return new HttpAuth.Basic(
          basic.get().tree("username").map(this::secret),
          basic.get().tree("password").map(this::secret));
    }
    Optional<SpecTree> authorization = endpoint.tree("authorization");
    if (authorization.isPresent()) {
      String type = authorization.get().string("type").orElse(HttpAuth.Authorization.DEFAULT_TYPE);
      return new HttpAuth.Authorization(
          type, authorization.get().tree("credentials").map(this::secret));
    }
    return endpoint
        .tree("bearerTokenSecret")
        .filter(ref -> ref.string("name").filter(n -> !n.isEmpty()).isPresent())
        .<HttpAuth>map(
            ref ->
                new HttpAuth.Authorization(
                    HttpAuth.Authorization.DEFAULT_TYPE, Optional.of(secret(ref))))
        .orElse(HttpAuth.NONE);
  }

  private TlsSettings tls(SpecTree tls) {
    Optional<SecretSource> ca = tls.tree("ca").map(this::secretOrConfigMap);
    Optional<SecretSource> cert = tls.tree("cert").map(this::secretOrConfigMap);
    Optional<SecretSource> key = tls.tree("keySecret").map(this::secret);
    if (cert.isPresent() != key.isPresent()) {
      throw tls.invalid("cert", "must be set together with keySecret", cert.isPresent());
    }
    return new TlsSettings(
        ca,
        cert,
        key,
        tls.string("serverName").filter(s -> !s.isEmpty()),
        tls.bool("insecureSkipVerify", false),
        Optional.empty(),
        Optional.empty());
  }

  private SecretSource secretOrConfigMap(SpecTree selector) {
    if (selector.tree("configMap").isPresent()) {
      throw selector.invalid(
          "configMap", "must not be set (only secret is supported)", "a configMap");
    }
    return selector
        .tree("secret")
        .map(this::secret)
        .orElseThrow(() -> selector.invalid("secret", "must be set", "nothing"));
  }

  /** A {@code SecretKeySelector} ({@code name}, {@code key}) read in the monitor's namespace. */
  private SecretSource secret(SpecTree ref) {
    String name =
        ref.string("name").orElseThrow(() -> ref.invalid("name", "must be set", "nothing"));
    String key = ref.string("key").orElseThrow(() -> ref.invalid("key", "must be set", "nothing"));
    String value =
        secrets
            .value(namespace, name, key)
            .filter(v -> !v.isEmpty())
            .orElseThrow(
                () ->
                    new MonitorRejectedException(
                        RejectReason.MISSING_SECRET,
                        ref.path()
                            + ": must name an existing secret key. Found: secret "
                            + namespace
                            + "/"
                            + name
                            + " without key "
                            + key));
    return SecretSource.inline(value);
  }
}
