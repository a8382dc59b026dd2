package io.scrapestream.cli;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A label set as one JSON object of string values: read from {@code --labels} (inline, or
 * {@code @file}), written as one line with the keys in the map's order.
 */
final class LabelsJson {
  private static final ObjectMapper JSON =
      new ObjectMapper()
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  private static final String EXPECTATION =
      "--labels: must be a JSON object of label names to string values, or @FILE holding one";

  private LabelsJson() {}

  /** The labels of {@code argument}; throws with {@code --labels: ... Found: ...} when bad. */
  static Map<String, String> parse(String argument) throws BadLabelsException {
    String json = argument.startsWith("@") ? read(argument) : argument;
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (JsonParseException e) {
      throw bad("invalid JSON: " + e.getOriginalMessage() + " at " + position(e));
    } catch (JsonProcessingException e) {
      throw bad("invalid JSON: " + e.getOriginalMessage());
    }
    if (root == null || !root.isObject()) {
      throw bad(root == null || root.isMissingNode() ? "nothing" : "a JSON " + kind(root));
    }
    Map<String, String> labels = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> label : root.properties()) {
      if (!label.getValue().isTextual()) {
        throw bad("a JSON " + kind(label.getValue()) + " as the value of " + quote(label.getKey()));
      }
      labels.put(label.getKey(), label.getValue().textValue());
    }
    return labels;
  }

  /** One line of JSON: {@code {"a":"1","b":"2"}}, keys in the map's order. */
  static String write(Map<String, String> labels) {
    try {
      return JSON.writeValueAsString(labels);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a map of strings is always writable as JSON", e);
    }
  }

  private static String read(String argument) throws BadLabelsException {
    String file = argument.substring(1);
    try {
      return Files.readString(Path.of(file));
    } catch (IOException | InvalidPathException e) {
      throw bad("unreadable file " + file + " (" + e + ")");
    }
  }

  private static String position(JsonParseException e) {
    return "line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
  }

  private static String kind(JsonNode node) {
    return node.getNodeType().name().toLowerCase(Locale.ROOT);
  }

  private static String quote(String text) {
    try {
      return JSON.writeValueAsString(text);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a string is always writable as JSON", e);
    }
  }

  private static BadLabelsException bad(String found) {
    return new BadLabelsException(EXPECTATION + ". Found: " + found);
  }

  /** {@code --labels} that cannot be used; the message says why, with what was found. */
  static final class BadLabelsException extends Exception {
    private static final long serialVersionUID = 1L;

    BadLabelsException(String message) {
      super(message);
    }
  }
}
