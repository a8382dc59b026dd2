package io.scrapestream.allocator;

import io.scrapestream.allocator.allocation.Scrapers;
import io.scrapestream.allocator.target.Labels;
import io.scrapestream.allocator.target.Target;
import io.scrapestream.allocator.target.TargetIdentity;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** Synthetic pod targets, like kubernetes_sd pod discovery makes, for the benchmarks. */
final class BenchmarkTargets {
  private BenchmarkTargets() {}

  /** {@code count} targets spread over {@code jobs} jobs, each with 8 pod meta labels. */
  static List<Target> targets(int count, int jobs) {
    List<Target> targets = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      String address = "10." + (i >> 16 & 255) + "." + (i >> 8 & 255) + "." + (i & 255) + ":9100";
      String job = "job-" + i % jobs;
      Map<String, String> discovered = new TreeMap<>();
      discovered.put("__address__", address);
      discovered.put("__meta_kubernetes_namespace", "ns-" + i % 50);
      discovered.put("__meta_kubernetes_pod_name", "pod-" + i);
      discovered.put("__meta_kubernetes_pod_node_name", "node-" + i % 100);
      discovered.put("__meta_kubernetes_pod_ip", address.substring(0, address.length() - 5));
      discovered.put("__meta_kubernetes_pod_container_name", "app");
      discovered.put("__meta_kubernetes_pod_container_port_number", "9100");
      discovered.put("__meta_kubernetes_pod_label_app", "app-" + i % 300);
      discovered.put("__meta_kubernetes_pod_ready", "true");
      Map<String, String> labels = new TreeMap<>();
      labels.put("__address__", address);
      labels.put("__scheme__", "http");
      labels.put("__metrics_path__", "/metrics");
      labels.put("__scrape_interval__", "30s");
      labels.put("__scrape_timeout__", "10s");
      labels.put("instance", address);
      labels.put("job", job);
      labels.put("namespace", "ns-" + i % 50);
      labels.put("pod", "pod-" + i);
      Labels finalLabels = Labels.of(labels);
      TargetIdentity identity = TargetIdentity.of(finalLabels, Map.of());
      targets.add(new Target(identity.key(), identity.hash(), job, Labels.of(discovered), finalLabels));
    }
    targets.sort(Comparator.comparing(Target::key));
    return targets;
  }

  static Scrapers scrapers(int count) {
    TreeSet<String> ids = new TreeSet<>();
    for (int i = 0; i < count; i++) {
      ids.add("scraper-" + i);
    }
    return Scrapers.of(ids);
  }
}
