package io.scrapestream.allocator.discovery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses Prometheus's target group list, {@code [{"targets": ["host:port"], "labels": {...}}]}, as
 * file_sd and http_sd read it: group {@code i} gets source {@code <prefix>:<i>}, every target is
 * {@code {__address__: <target>}}, and the group labels get the mechanism's meta label ({@code
 * __meta_filepath}, {@code __meta_url}). Pure.
 */
public final class TargetGroupParser {
  /** The two encodings file_sd reads; http_sd reads JSON. */
  public enum Format {
    JSON,
    YAML
  }

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private TargetGroupParser() {}

  public static Refresh parse(
      byte[] body, Format format, String sourcePrefix, Map.Entry<String, String> metaLabel) {
    JsonNode root;
    try {
      root = (format == Format.JSON ? JSON : YAML).readTree(body);
    } catch (JsonProcessingException e) {
      return new Refresh.Failed("invalid " + format + ": " + e.getOriginalMessage());
    } catch (IOException e) {
      return new Refresh.Failed("invalid " + format + ": " + e.getMessage());
    }
    if (root == null || root.isMissingNode() || root.isNull()) {
      return new Refresh.Succeeded(List.of());
    }
    if (!root.isArray()) {
      return new Refresh.Failed("must be a list of target groups. Found: " + kind(root));
    }
    List<TargetGroup> groups = new ArrayList<>();
    for (int i = 0; i < root.size(); i++) {
      String problem = group(root.get(i), sourcePrefix + ":" + i, metaLabel, groups);
      if (problem != null) {
        return new Refresh.Failed("group " + i + ": " + problem);
      }
    }
    return new Refresh.Succeeded(groups);
  }

  private static String group(
      JsonNode node, String source, Map.Entry<String, String> meta, List<TargetGroup> out) {
    if (node.isNull()) {
      return "nil target group item found";
    }
    if (!node.isObject()) {
      return "must be a mapping. Found: " + kind(node);
    }
    List<Map<String, String>> targets = new ArrayList<>();
    JsonNode targetNodes = node.path("targets");
    if (!targetNodes.isMissingNode() && !targetNodes.isNull() && !targetNodes.isArray()) {
      return "targets must be a list. Found: " + kind(targetNodes);
    }
    for (JsonNode target : targetNodes) {
      if (!target.isTextual()) {
        return "targets must be strings. Found: " + kind(target);
      }
      targets.add(Map.of("__address__", target.asText()));
    }
    Map<String, String> labels = new LinkedHashMap<>();
    String problem = labels(node.path("labels"), labels);
    if (problem != null) {
      return problem;
    }
    labels.put(meta.getKey(), meta.getValue());
    out.add(new TargetGroup(source, targets, labels));
    return null;
  }

  private static String labels(JsonNode node, Map<String, String> out) {
    if (node.isMissingNode() || node.isNull()) {
      return null;
    }
    if (!node.isObject()) {
      return "labels must be a mapping. Found: " + kind(node);
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> label = it.next();
      if (label.getKey().isEmpty()
          || !label.getValue().isValueNode()
          || label.getValue().isNull()) {
        return "label \"" + label.getKey() + "\" must have a non-empty name and a string value";
      }
      out.put(label.getKey(), label.getValue().asText());
    }
    return null;
  }

  private static String kind(JsonNode node) {
    return switch (node.getNodeType()) {
      case ARRAY -> "a list";
      case OBJECT -> "a mapping";
      case STRING -> "\"" + node.asText() + "\"";
      default -> node.toString();
    };
  }
}
