package io.scrapestream.allocator.api;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scrapestream.core.config.HttpAuth;
import io.scrapestream.core.config.PrometheusDuration;
import io.scrapestream.core.config.ScrapeConfig;
import io.scrapestream.core.config.Secret;
import io.scrapestream.core.config.SecretSource;

/**
 * A job as the OTel Target Allocator serves it in {@code /scrape_configs}: Prometheus's keys, in
 * Prometheus's order, secrets {@code <secret>} unless revealed. Service discovery is left out: the
 * collector replaces it with the allocator's HTTP SD anyway.
 */
final class ScrapeConfigJson {
  private ScrapeConfigJson() {}

  static ObjectNode of(ScrapeConfig job, boolean revealSecrets) {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.put("job_name", job.jobName());
    node.put("honor_labels", job.honorLabels());
    node.put("honor_timestamps", job.honorTimestamps());
    if (!job.params().isEmpty()) {
      ObjectNode params = node.putObject("params");
      job.params().forEach((name, values) -> values.forEach(params.withArray(name)::add));
    }
    node.put("scrape_interval", PrometheusDuration.format(job.scrapeInterval()));
    node.put("scrape_timeout", PrometheusDuration.format(job.scrapeTimeout()));
    node.put("metrics_path", job.metricsPath());
    node.put("scheme", job.scheme());
    if (job.http().auth() instanceof HttpAuth.Basic basic) {
      ObjectNode auth = node.putObject("basic_auth");
      basic.username().ifPresent(u -> put(auth, "username", u, true));
      basic.password().ifPresent(p -> put(auth, "password", p, revealSecrets));
    } else if (job.http().auth() instanceof HttpAuth.Authorization authorization) {
      ObjectNode auth = node.putObject("authorization");
      auth.put("type", authorization.type());
      authorization.credentials().ifPresent(c -> put(auth, "credentials", c, revealSecrets));
    }
    return node;
  }

  /**
   * An inline secret as {@code key} (redacted unless revealed); a file reference as {@code
   * key_file} with its path, as Prometheus marshals it (the path is not secret).
   */
  private static void put(ObjectNode node, String key, SecretSource source, boolean reveal) {
    if (source instanceof SecretSource.Inline inline) {
      node.put(key, reveal ? inline.secret().reveal() : Secret.REDACTED);
    } else if (source instanceof SecretSource.FromFile file) {
      node.put(key + "_file", file.path().toString());
    }
  }
}
