package io.scrapestream.allocator.api;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scrapestream.allocator.allocation.Allocation;
import io.scrapestream.allocator.target.Labels;
import io.scrapestream.allocator.target.Target;
import io.scrapestream.core.config.ScrapeConfig;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Renders an allocation into the JSON the OTel Target Allocator serves, with its shapes: {@code
 * /jobs} as {@code {"<job>":{"_link":"/jobs/<job>/targets"}}}, a collector's targets as a list of
 * one-target groups {@code {"targets":["<address>"],"labels":{...}}}, keys sorted as Go sorts map
 * keys, one line break after each body as Go's JSON encoder writes.
 */
public final class ApiSnapshotRenderer {
  private static final JsonFactory JSON = new JsonFactory();
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private ApiSnapshotRenderer() {}

  public static ApiSnapshot render(List<ScrapeConfig> jobs, Allocation allocation, boolean ready) {
    Map<String, List<Target>> byKey = new HashMap<>();
    SortedSet<String> jobsWithTargets = new TreeSet<>();
    allocation
        .byScraper()
        .forEach(
            (collector, targets) ->
                targets.forEach(
                    t -> {
                      byKey
                          .computeIfAbsent(
                              ApiSnapshot.key(t.job(), collector), k -> new ArrayList<>())
                          .add(t);
                      jobsWithTargets.add(t.job());
                    }));
    allocation.unassigned().forEach(t -> jobsWithTargets.add(t.job()));
    Map<String, byte[]> discovered = new HashMap<>();
    Map<String, byte[]> relabeled = new HashMap<>();
    byKey.forEach(
        (key, targets) -> {
          discovered.put(key, targetGroups(targets, false));
          relabeled.put(key, targetGroups(targets, true));
        });
    return new ApiSnapshot(
        ready,
        new TreeSet<>(allocation.byScraper().keySet()),
        jobsJson(jobsWithTargets),
        discovered,
        relabeled,
        scrapeConfigs(jobs, false),
        scrapeConfigs(jobs, true));
  }

  /** {@code [{"targets":["a:1"],"labels":{...}}, ...]} and a line break. */
  static byte[] targetGroups(List<Target> targets, boolean finalLabels) {
    return write(
        json -> {
          json.writeStartArray();
          for (Target target : targets) {
            Labels labels = finalLabels ? target.labels() : target.discoveredLabels();
            json.writeStartObject();
            json.writeArrayFieldStart("targets");
            json.writeString(finalLabels ? target.address() : labels.get("__address__"));
            json.writeEndArray();
            json.writeObjectFieldStart("labels");
            labels.forEach((name, value) -> writeField(json, name, value));
            json.writeEndObject();
            json.writeEndObject();
          }
          json.writeEndArray();
          json.writeRaw('\n');
        });
  }

  private static byte[] jobsJson(SortedSet<String> jobs) {
    return write(
        json -> {
          json.writeStartObject();
          for (String job : jobs) {
            json.writeObjectFieldStart(job);
            json.writeStringField("_link", "/jobs/" + QueryEscape.escape(job) + "/targets");
            json.writeEndObject();
          }
          json.writeEndObject();
          json.writeRaw('\n');
        });
  }

  private static byte[] scrapeConfigs(List<ScrapeConfig> jobs, boolean revealSecrets) {
    ObjectNode root = MAPPER.createObjectNode();
    new TreeMap<String, ScrapeConfig>(
            jobs.stream().collect(java.util.stream.Collectors.toMap(ScrapeConfig::jobName, j -> j)))
        .forEach((name, job) -> root.set(name, ScrapeConfigJson.of(job, revealSecrets)));
    try {
      return MAPPER.writeValueAsBytes(root);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot render scrape configs", e);
    }
  }

  private static void writeField(JsonGenerator json, String name, String value) {
    try {
      json.writeStringField(name, value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** What writes one JSON body. */
  @FunctionalInterface
  interface Body {
    void write(JsonGenerator json) throws IOException;
  }

  static byte[] write(Body body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    try (JsonGenerator json = JSON.createGenerator(out)) {
      body.write(json);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot render JSON", e);
    }
    return out.toByteArray();
  }
}
