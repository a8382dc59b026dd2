package io.scrapestream.allocator.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scrapestream.core.config.ByteSize;
import io.scrapestream.core.config.PrometheusDuration;
import io.scrapestream.core.config.ScrapeConfig;
import io.scrapestream.core.config.ScrapeFormat;
import io.scrapestream.core.config.ScrapeLimits;
import io.scrapestream.core.relabel.RelabelConfig;
import java.util.List;

/**
 * A job as the OTel Target Allocator serves it in {@code /scrape_configs}: every key the job holds,
 * named and ordered as Prometheus's {@code config.ScrapeConfig} marshals them (its {@code
 * HTTPClientConfig} inlined after the limits, relabel configs last), secrets {@code <secret>}
 * unless revealed. Keys Prometheus omits when empty are omitted when at their zero value ({@code
 * params}, {@code fallback_scrape_protocol}, {@code always_scrape_classic_histograms}, the limits,
 * the relabel lists). Service discovery ({@code static_configs}, {@code *_sd_configs}) is left out:
 * the collector replaces it with the allocator's HTTP SD ({@code /jobs/<job>/targets}) anyway.
 */
final class ScrapeConfigJson {
  private ScrapeConfigJson() {}

  static ObjectNode of(ScrapeConfig job, boolean revealSecrets) {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.put("job_name", job.jobName());
    node.put("honor_labels", job.honorLabels());
    node.put("honor_timestamps", job.honorTimestamps());
    node.put("track_timestamps_staleness", job.trackTimestampsStaleness());
    if (!job.params().isEmpty()) {
      ObjectNode params = node.putObject("params");
      job.params().forEach((name, values) -> values.forEach(params.withArray(name)::add));
    }
    node.put("scrape_interval", PrometheusDuration.format(job.scrapeInterval()));
    node.put("scrape_timeout", PrometheusDuration.format(job.scrapeTimeout()));
    format(node, job.format());
    node.put("metrics_path", job.metricsPath());
    node.put("scheme", job.scheme());
    node.put("enable_compression", job.http().enableCompression());
    limits(node, job.limits());
    HttpConfigJson.write(node, job.http(), revealSecrets);
    relabelConfigs(node, "relabel_configs", job.relabelConfigs());
    relabelConfigs(node, "metric_relabel_configs", job.metricRelabelConfigs());
    return node;
  }

  /**
   * {@code scrape_protocols}, {@code fallback_scrape_protocol} and, when true, Prometheus 3's
   * {@code always_scrape_classic_histograms} (Prometheus 2's {@code scrape_classic_histograms}).
   */
  private static void format(ObjectNode node, ScrapeFormat format) {
    ArrayNode protocols = node.putArray("scrape_protocols");
    format.protocols().forEach(p -> protocols.add(p.configName()));
    format.fallbackProtocol().ifPresent(p -> node.put("fallback_scrape_protocol", p.configName()));
    if (format.classicHistograms()) {
      node.put("always_scrape_classic_histograms", true);
    }
  }

  /** Each limit that is set; {@code body_size_limit} in the largest base-2 unit dividing it. */
  private static void limits(ObjectNode node, ScrapeLimits limits) {
    if (limits.bodySizeLimitBytes() != 0) {
      node.put("body_size_limit", ByteSize.format(limits.bodySizeLimitBytes()));
    }
    putIfSet(node, "sample_limit", limits.sampleLimit());
    putIfSet(node, "target_limit", limits.targetLimit());
    putIfSet(node, "label_limit", limits.labelLimit());
    putIfSet(node, "label_name_length_limit", limits.labelNameLengthLimit());
    putIfSet(node, "label_value_length_limit", limits.labelValueLengthLimit());
  }

  private static void putIfSet(ObjectNode node, String key, int value) {
    if (value != 0) {
      node.put(key, value);
    }
  }

  private static void relabelConfigs(ObjectNode node, String key, List<RelabelConfig> configs) {
    if (!configs.isEmpty()) {
      ArrayNode list = node.putArray(key);
      configs.forEach(config -> list.add(RelabelConfigJson.of(config)));
    }
  }
}
