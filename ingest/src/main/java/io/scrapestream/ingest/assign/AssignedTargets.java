package io.scrapestream.ingest.assign;

import io.scrapestream.core.config.PrometheusDuration;
import io.scrapestream.core.config.ScrapeConfig;
import io.scrapestream.core.target.ScrapeTarget;
import io.scrapestream.core.target.TargetKey;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Turns the final labels the allocator serves ({@code &relabeled=true}) into a target, as
 * Prometheus does after target relabeling: the URL from {@code __scheme__}, {@code __address__},
 * {@code __metrics_path__} and the job's params with {@code __param_<name>} replacing the first
 * value; interval and timeout from {@code __scrape_interval__} and {@code __scrape_timeout__};
 * target labels = the labels not starting with {@code __}. The job's own settings fill what a label
 * does not say. {@code relabel_configs} are not applied again. Pure.
 */
final class AssignedTargets {
  private static final String PARAM_PREFIX = "__param_";

  private AssignedTargets() {}

  static ScrapeTarget of(ScrapeConfig job, SortedMap<String, String> labels) throws PollException {
    String address = labels.getOrDefault("__address__", "");
    if (address.isEmpty() || address.contains("/")) {
      throw invalid(job, "__address__ must be host:port", address);
    }
    String scheme = labels.getOrDefault("__scheme__", job.scheme());
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw invalid(job, "__scheme__ must be http or https", scheme);
    }
    String path = labels.getOrDefault("__metrics_path__", job.metricsPath());
    Duration interval = duration(job, labels, "__scrape_interval__", job.scrapeInterval());
    Duration timeout = duration(job, labels, "__scrape_timeout__", job.scrapeTimeout());
    Map<String, List<String>> params = params(job.params(), labels);
    try {
      URI url = ScrapeTarget.url(scheme, address, path, params);
      return new ScrapeTarget(
          TargetKey.of(job.jobName(), address, path, scheme, params),
          job.jobName(),
          url,
          targetLabels(job, labels, address),
          interval,
          timeout,
          job.honorLabels(),
          job.honorTimestamps(),
          job.trackTimestampsStaleness());
    } catch (IllegalArgumentException e) {
      throw invalid(job, "labels must make a scrape target (" + e.getMessage() + ")", address);
    }
  }

  /** The job's params, the first value of each replaced by its {@code __param_} label. */
  static Map<String, List<String>> params(
      Map<String, List<String>> jobParams, Map<String, String> labels) {
    Map<String, List<String>> params = new LinkedHashMap<>();
    jobParams.forEach((name, values) -> params.put(name, new ArrayList<>(values)));
    labels.forEach(
        (name, value) -> {
          if (name.startsWith(PARAM_PREFIX)) {
            List<String> values =
                params.computeIfAbsent(
                    name.substring(PARAM_PREFIX.length()), n -> new ArrayList<>());
            if (values.isEmpty()) {
              values.add(value);
            } else {
              values.set(0, value);
            }
          }
        });
    return params;
  }

  private static SortedMap<String, String> targetLabels(
      ScrapeConfig job, Map<String, String> labels, String address) {
    SortedMap<String, String> target = new TreeMap<>();
    labels.forEach(
        (name, value) -> {
          if (!name.startsWith("__") && !value.isEmpty()) {
            target.put(name, value);
          }
        });
    target.putIfAbsent("job", job.jobName());
    target.putIfAbsent("instance", address);
    return target;
  }

  private static Duration duration(
      ScrapeConfig job, Map<String, String> labels, String name, Duration fallback)
      throws PollException {
    String text = labels.get(name);
    if (text == null) {
      return fallback;
    }
    Optional<Duration> parsed = PrometheusDuration.tryParse(text);
    if (parsed.isEmpty() || parsed.get().isZero()) {
      throw invalid(job, name + " must be a positive duration", text);
    }
    return parsed.get();
  }

  private static PollException invalid(ScrapeConfig job, String expectation, String found) {
    return new PollException(
        PollFailure.INVALID_TARGET,
        "job " + job.jobName() + ": " + expectation + ". Found: \"" + found + "\"");
  }
}
