package io.scrapestream.allocator.api;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scrapestream.core.config.PrometheusDuration;
import io.scrapestream.core.config.ScrapeAuth;
import io.scrapestream.core.config.ScrapeConfig;
import io.scrapestream.core.config.Secret;

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
    if (job.auth() instanceof ScrapeAuth.Basic basic) {
      ObjectNode auth = node.putObject("basic_auth");
      auth.put("username", basic.username());
      basic.password().ifPresent(p -> auth.put("password", show(p, revealSecrets)));
    } else if (job.auth() instanceof ScrapeAuth.Authorization authorization) {
      ObjectNode auth = node.putObject("authorization");
      auth.put("type", authorization.type());
      auth.put("credentials", show(authorization.credentials(), revealSecrets));
    }
    return node;
  }

  private static String show(Secret secret, boolean reveal) {
    return reveal ? secret.reveal() : Secret.REDACTED;
  }
}
