package io.scrapestream.allocator.target;

import io.scrapestream.core.config.PrometheusDuration;
import io.scrapestream.core.config.ScrapeConfig;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Builds a target from discovered labels as Prometheus 3's {@code PopulateLabels} does: target
 * labels, then group labels where not set; the job's {@code job}, {@code __scrape_interval__},
 * {@code __scrape_timeout__}, {@code __metrics_path__}, {@code __scheme__} and {@code __param_*}
 * where not set; target relabeling; then checks the address, interval and timeout, removes {@code
 * __meta_*} and sets {@code instance} to the address when missing. No default port is added. Pure.
 */
public final class TargetBuilder {
  private static final String META_PREFIX = "__meta_";

  private final TargetRelabeling relabeling;

  public TargetBuilder(TargetRelabeling relabeling) {
    this.relabeling = relabeling;
  }

  public BuildOutcome build(
      ScrapeConfig job, Map<String, String> groupLabels, Map<String, String> targetLabels) {
    SortedMap<String, String> labels = new TreeMap<>();
    targetLabels.forEach((name, value) -> putIfUnset(labels, name, value));
    groupLabels.forEach((name, value) -> putIfUnset(labels, name, value));
    Labels discovered = Labels.of(labels);
    putIfUnset(labels, "job", job.jobName());
    putIfUnset(labels, "__scrape_interval__", PrometheusDuration.format(job.scrapeInterval()));
    putIfUnset(labels, "__scrape_timeout__", PrometheusDuration.format(job.scrapeTimeout()));
    putIfUnset(labels, "__metrics_path__", job.metricsPath());
    putIfUnset(labels, "__scheme__", job.scheme());
    job.params()
        .forEach(
            (name, values) -> {
              if (!values.isEmpty()) {
                putIfUnset(labels, "__param_" + name, values.get(0));
              }
            });
    Optional<SortedMap<String, String>> relabeled = relabeling.apply(job, labels);
    if (relabeled.isEmpty()) {
      return new BuildOutcome.Dropped();
    }
    return finish(job, discovered, new TreeMap<>(relabeled.get()));
  }

  private static BuildOutcome finish(
      ScrapeConfig job, Labels discovered, SortedMap<String, String> labels) {
    labels.values().removeIf(String::isEmpty);
    String address = labels.get("__address__");
    if (address == null) {
      return new BuildOutcome.Invalid("no address");
    }
    if (address.contains("/")) {
      return new BuildOutcome.Invalid("\"" + address + "\" is not a valid hostname");
    }
    Optional<String> timing = checkTiming(labels);
    if (timing.isPresent()) {
      return new BuildOutcome.Invalid(timing.get());
    }
    labels.keySet().removeIf(name -> name.startsWith(META_PREFIX));
    labels.putIfAbsent("instance", address);
    Labels finalLabels = Labels.of(labels);
    TargetIdentity identity = TargetIdentity.of(finalLabels, job.params());
    return new BuildOutcome.Built(
        new Target(identity.key(), identity.hash(), job.jobName(), discovered, finalLabels));
  }

  private static Optional<String> checkTiming(Map<String, String> labels) {
    String interval = labels.getOrDefault("__scrape_interval__", "");
    String timeout = labels.getOrDefault("__scrape_timeout__", "");
    Optional<Duration> intervalDuration = PrometheusDuration.tryParse(interval);
    Optional<Duration> timeoutDuration = PrometheusDuration.tryParse(timeout);
    if (intervalDuration.isEmpty()) {
      return Optional.of("error parsing scrape interval: \"" + interval + "\"");
    }
    if (intervalDuration.get().isZero()) {
      return Optional.of("scrape interval cannot be 0");
    }
    if (timeoutDuration.isEmpty()) {
      return Optional.of("error parsing scrape timeout: \"" + timeout + "\"");
    }
    if (timeoutDuration.get().isZero()) {
      return Optional.of("scrape timeout cannot be 0");
    }
    if (timeoutDuration.get().compareTo(intervalDuration.get()) > 0) {
      return Optional.of(
          "scrape timeout cannot be greater than scrape interval (\""
              + timeout
              + "\" > \""
              + interval
              + "\")");
    }
    return Optional.empty();
  }

  /** As Prometheus's labels.Builder: an empty value is no value, so it never wins. */
  private static void putIfUnset(Map<String, String> labels, String name, String value) {
    if (!value.isEmpty()) {
      labels.putIfAbsent(name, value);
    }
  }
}
