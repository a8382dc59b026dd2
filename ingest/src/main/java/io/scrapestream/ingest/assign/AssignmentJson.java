package io.scrapestream.ingest.assign;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Reads the bodies of the OTel Target Allocator protocol. Pure: {@code /scrape_configs} is an
 * object of job name to scrape config; a job's targets are a list of groups {@code
 * {"targets":["<address>"],"labels":{...}}} (Prometheus's http_sd format).
 */
final class AssignmentJson {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private AssignmentJson() {}

  /** Job name to the job's scrape config as compact JSON text, in the body's order. */
  static Map<String, String> jobs(byte[] body) throws PollException {
    JsonNode root = read(body, "/scrape_configs");
    if (!root.isObject()) {
      throw invalid("/scrape_configs must be a JSON object of job name to scrape config", root);
    }
    Map<String, String> jobs = new LinkedHashMap<>();
    Iterator<Map.Entry<String, JsonNode>> fields = root.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> job = fields.next();
      if (!job.getValue().isObject()) {
        throw invalid("/scrape_configs[" + job.getKey() + "] must be an object", job.getValue());
      }
      jobs.put(job.getKey(), job.getValue().toString());
    }
    return jobs;
  }

  /** One label set per target: the group's labels with {@code __address__} the target. */
  static List<SortedMap<String, String>> targets(String job, byte[] body) throws PollException {
    String what = "targets of job " + job;
    JsonNode root = read(body, what);
    if (!root.isArray()) {
      throw invalid(what + " must be a JSON list of target groups", root);
    }
    List<SortedMap<String, String>> targets = new ArrayList<>();
    for (JsonNode group : root) {
      SortedMap<String, String> labels = labels(what, group);
      JsonNode addresses = group.path("targets");
      if (!addresses.isArray()) {
        throw invalid(what + ": a group's targets must be a list", group);
      }
      for (JsonNode address : addresses) {
        if (!address.isTextual()) {
          throw invalid(what + ": a target must be a string", address);
        }
        SortedMap<String, String> target = new TreeMap<>(labels);
        target.put("__address__", address.asText());
        targets.add(target);
      }
    }
    return targets;
  }

  private static SortedMap<String, String> labels(String what, JsonNode group)
      throws PollException {
    if (!group.isObject()) {
      throw invalid(what + ": a target group must be an object", group);
    }
    JsonNode labels = group.path("labels");
    SortedMap<String, String> map = new TreeMap<>();
    if (labels.isMissingNode() || labels.isNull()) {
      return map;
    }
    if (!labels.isObject()) {
      throw invalid(what + ": a group's labels must be an object", labels);
    }
    Iterator<Map.Entry<String, JsonNode>> fields = labels.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> label = fields.next();
      if (!label.getValue().isTextual()) {
        throw invalid(what + ": label " + label.getKey() + " must be a string", label.getValue());
      }
      map.put(label.getKey(), label.getValue().asText());
    }
    return map;
  }

  private static JsonNode read(byte[] body, String what) throws PollException {
    try {
      JsonNode root = MAPPER.readTree(body);
      if (root == null || root.isMissingNode()) {
        throw new PollException(PollFailure.INVALID_RESPONSE, what + " must not be empty");
      }
      return root;
    } catch (JsonProcessingException e) {
      throw new PollException(
          PollFailure.INVALID_RESPONSE,
          what + " is not JSON: " + e.getOriginalMessage() + " at " + location(e));
    } catch (IOException e) {
      throw new PollException(PollFailure.INVALID_RESPONSE, what + " is unreadable: " + e);
    }
  }

  private static String location(JsonProcessingException e) {
    return e.getLocation() == null
        ? "unknown position"
        : "line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
  }

  private static PollException invalid(String expectation, JsonNode found) {
    String text = found.toString();
    String shown = text.length() > 200 ? text.substring(0, 200) + "..." : text;
    return new PollException(PollFailure.INVALID_RESPONSE, expectation + ". Found: " + shown);
  }
}
