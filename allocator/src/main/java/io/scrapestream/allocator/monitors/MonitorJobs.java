package io.scrapestream.allocator.monitors;

import io.scrapestream.core.config.ByteSize;
import io.scrapestream.core.config.DiscoveryConfigs;
import io.scrapestream.core.config.GlobalConfig;
import io.scrapestream.core.config.KubernetesSdConfig;
import io.scrapestream.core.config.PrometheusDuration;
import io.scrapestream.core.config.ScrapeConfig;
import io.scrapestream.core.config.ScrapeFormat;
import io.scrapestream.core.config.ScrapeLimits;
import io.scrapestream.core.config.ScrapeProtocol;
import io.scrapestream.core.config.StaticConfig;
import io.scrapestream.core.relabel.RelabelConfig;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The scrape keys common to every monitor kind ({@code interval}, {@code scrapeTimeout}, {@code
 * path}, {@code scheme}, {@code params}, {@code honorLabels}, {@code honorTimestamps}, {@code
 * trackTimestampsStaleness}, HTTP) read from one endpoint-like object into a {@link ScrapeConfig}.
 *
 * @param intervalKey {@code interval} on endpoints, {@code scrapeInterval} on ScrapeConfig
 * @param pathKey {@code path} on endpoints, {@code metricsPath} on ScrapeConfig
 */
record MonitorJobs(GlobalConfig global, String intervalKey, String pathKey) {
  MonitorJobs {
    java.util.Objects.requireNonNull(global, "global must not be null");
  }

  /** The keys of ServiceMonitor and PodMonitor endpoints and of Probes. */
  static MonitorJobs endpoints(GlobalConfig global) {
    return new MonitorJobs(global, "interval", "path");
  }

  /** What a job takes besides the endpoint's own keys. */
  record Parts(
      String jobName,
      List<StaticConfig> staticConfigs,
      List<KubernetesSdConfig> kubernetes,
      List<RelabelConfig> generated,
      Map<String, List<String>> extraParams) {}

  /**
   * The job of {@code endpoint}, with the limits of the monitor's {@code spec} ({@code
   * sampleLimit}, {@code targetLimit}, {@code labelLimit}, {@code labelNameLengthLimit}, {@code
   * labelValueLengthLimit}, {@code bodySizeLimit}), each inherited from {@code global} when not
   * set, and its format ({@code scrapeProtocols}, else {@code global}'s; {@code
   * fallbackScrapeProtocol}; {@code scrapeClassicHistograms}).
   */
  ScrapeConfig build(SpecTree spec, SpecTree endpoint, Parts parts, MonitorHttp http) {
    Duration interval = duration(endpoint, intervalKey).orElse(global.scrapeInterval());
    Duration timeout = duration(endpoint, "scrapeTimeout").orElse(global.scrapeTimeout());
    if (timeout.compareTo(interval) > 0) {
      timeout = interval;
    }
    List<RelabelConfig> relabel = new java.util.ArrayList<>(parts.generated());
    relabel.addAll(MonitorRelabelings.written(endpoint, "relabelings"));
    Map<String, List<String>> params = new LinkedHashMap<>(parts.extraParams());
    endpoint
        .tree("params")
        .ifPresent(p -> p.values().keySet().forEach(k -> params.put(k, p.strings(k))));
    try {
      return new ScrapeConfig(
          parts.jobName(),
          interval,
          timeout,
          endpoint
              .string(pathKey)
              .filter(p -> !p.isEmpty())
              .orElse(ScrapeConfig.DEFAULT_METRICS_PATH),
          endpoint.string("scheme").filter(s -> !s.isEmpty()).orElse(ScrapeConfig.DEFAULT_SCHEME),
          params,
          endpoint.bool("honorLabels", false),
          endpoint.bool("honorTimestamps", true),
          endpoint.bool("trackTimestampsStaleness", false),
          parts.staticConfigs(),
          relabel,
          MonitorRelabelings.written(endpoint, "metricRelabelings"),
          DiscoveryConfigs.none(),
          http.of(endpoint),
          limits(spec),
          format(spec),
          parts.kubernetes());
    } catch (IllegalArgumentException e) {
      throw new MonitorRejectedException(
          RejectReason.INVALID, endpoint.path() + ": " + e.getMessage());
    }
  }

  private ScrapeFormat format(SpecTree spec) {
    List<ScrapeProtocol> protocols =
        spec.strings("scrapeProtocols").stream()
            .map(name -> protocol(spec, "scrapeProtocols", name))
            .toList();
    Optional<ScrapeProtocol> fallback =
        spec.string("fallbackScrapeProtocol")
            .filter(name -> !name.isEmpty())
            .map(name -> protocol(spec, "fallbackScrapeProtocol", name));
    return new ScrapeFormat(
        protocols.isEmpty() ? global.scrapeProtocols() : protocols,
        fallback,
        spec.bool("scrapeClassicHistograms", false));
  }

  private static ScrapeProtocol protocol(SpecTree spec, String key, String name) {
    return ScrapeProtocol.fromConfigName(name)
        .orElseThrow(
            () ->
                spec.invalid(
                    key,
                    "must be one of " + String.join(", ", ScrapeProtocol.configNames()),
                    name));
  }

  private ScrapeLimits limits(SpecTree spec) {
    long bodySize =
        spec.string("bodySizeLimit")
            .filter(text -> !text.isEmpty())
            .map(
                text ->
                    ByteSize.parse(text)
                        .orElseThrow(
                            () ->
                                spec.invalid("bodySizeLimit", "must be a size such as 10MB", text)))
            .orElse(0L);
    return new ScrapeLimits(
            spec.count("sampleLimit"),
            spec.count("labelLimit"),
            spec.count("labelNameLengthLimit"),
            spec.count("labelValueLengthLimit"),
            bodySize,
            spec.count("targetLimit"))
        .orElse(global.scrapeLimits());
  }

  private static Optional<Duration> duration(SpecTree endpoint, String key) {
    Optional<String> text = endpoint.string(key).filter(s -> !s.isEmpty());
    if (text.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        PrometheusDuration.tryParse(text.get())
            .orElseThrow(() -> endpoint.invalid(key, "must be a duration", text.get())));
  }
}
