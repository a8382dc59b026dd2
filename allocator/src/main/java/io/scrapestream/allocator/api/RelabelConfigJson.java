package io.scrapestream.allocator.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scrapestream.core.relabel.RelabelAction;
import io.scrapestream.core.relabel.RelabelConfig;
import io.scrapestream.core.relabel.RelabelRegex;
import java.math.BigInteger;

/**
 * One relabel config as Prometheus's {@code relabel.Config} marshals it: {@code source_labels},
 * {@code separator}, {@code regex} (the expression as written, without the anchors), {@code
 * modulus}, {@code target_label}, {@code replacement}, {@code action}, defaults written out ({@code
 * ;}, {@code (.*)}, {@code $1}, {@code replace}). Two departures keep the text readable back into
 * the same config: an empty separator, regex or replacement is written (Prometheus's {@code
 * omitempty} would turn it into the default), and {@code keepequal}/{@code dropequal} leave the
 * default regex out (Prometheus and our reader refuse any regex written for them, even {@code
 * (.*)}).
 */
final class RelabelConfigJson {
  private RelabelConfigJson() {}

  static ObjectNode of(RelabelConfig config) {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    if (!config.sourceLabels().isEmpty()) {
      ArrayNode labels = node.putArray("source_labels");
      config.sourceLabels().forEach(labels::add);
    }
    node.put("separator", config.separator());
    if (takesRegex(config.action()) || config.regex() != RelabelRegex.DEFAULT) {
      node.put("regex", config.regex().expression());
    }
    if (config.modulus() != 0) {
      node.put("modulus", new BigInteger(Long.toUnsignedString(config.modulus())));
    }
    if (!config.targetLabel().isEmpty()) {
      node.put("target_label", config.targetLabel());
    }
    node.put("replacement", config.replacement());
    node.put("action", config.action().yamlName());
    return node;
  }

  /** False for the actions that refuse a regex ({@code keepequal}, {@code dropequal}). */
  private static boolean takesRegex(RelabelAction action) {
    return action.onlyFields().map(fields -> fields.contains("regex")).orElse(true);
  }
}
