package io.scrapestream.core.relabel;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.function.IntUnaryOperator;

/**
 * Applies relabel configs in order to a label set, with the semantics of Prometheus 3's {@code
 * relabel.Process}. Immutable and thread-safe; building one is cheap, applying one allocates only
 * the resulting label set and what the regexes need.
 */
public final class Relabeler {
  private final List<RelabelConfig> configs;

  public Relabeler(List<RelabelConfig> configs) {
    this.configs = List.copyOf(configs);
  }

  /** The configs applied, in order. */
  public List<RelabelConfig> configs() {
    return configs;
  }

  /**
   * Relabels {@code labels}; empty when a {@code keep}, {@code drop}, {@code keepequal} or {@code
   * dropequal} rule dropped them. The result is sorted by name in UTF-8 byte order, like
   * Prometheus's labels. An input label with an empty value is kept as it is, unless a rule changes
   * it.
   */
  public Optional<SortedMap<String, String>> apply(Map<String, String> labels) {
    LabelsBuilder builder = new LabelsBuilder(labels);
    for (RelabelConfig config : configs) {
      if (!apply(config, builder)) {
        return Optional.empty();
      }
    }
    return Optional.of(builder.labels());
  }

  /** Applies one config; returns false when it drops the labels. */
  private static boolean apply(RelabelConfig config, LabelsBuilder labels) {
    String value = sourceValue(config, labels);
    return switch (config.action()) {
      case DROP -> !config.regex().matches(value);
      case KEEP -> config.regex().matches(value);
      case DROPEQUAL -> !labels.get(config.targetLabel()).equals(value);
      case KEEPEQUAL -> labels.get(config.targetLabel()).equals(value);
      default -> {
        change(config, value, labels);
        yield true;
      }
    };
  }

  /** Applies a config whose action changes labels rather than dropping them. */
  private static void change(RelabelConfig config, String value, LabelsBuilder labels) {
    String target = config.targetLabel();
    switch (config.action()) {
      case REPLACE -> replace(config, value, labels);
      case LOWERCASE -> labels.set(target, mapCodePoints(value, Character::toLowerCase));
      case UPPERCASE -> labels.set(target, mapCodePoints(value, Character::toUpperCase));
      case HASHMOD -> labels.set(target, hashMod(value, config.modulus()));
      case LABELMAP -> labelMap(config, labels);
      case LABELDROP -> labelDrop(config, labels, true);
      case LABELKEEP -> labelDrop(config, labels, false);
      default -> throw new IllegalStateException("not a changing action: " + config.action());
    }
  }

  /** The source labels' values joined by the separator, a missing label being empty. */
  private static String sourceValue(RelabelConfig config, LabelsBuilder labels) {
    List<String> names = config.sourceLabels();
    if (names.size() == 1) {
      return labels.get(names.get(0));
    }
    StringBuilder value = new StringBuilder();
    for (int i = 0; i < names.size(); i++) {
      if (i > 0) {
        value.append(config.separator());
      }
      value.append(labels.get(names.get(i)));
    }
    return value.toString();
  }

  private static void replace(RelabelConfig config, String value, LabelsBuilder labels) {
    RelabelRegex regex = config.regex();
    regex
        .match(value)
        .ifPresent(
            match -> {
              String target = regex.expand(config.targetLabel(), value, match);
              if (!LabelName.isValid(target)) {
                return;
              }
              labels.set(target, regex.expand(config.replacement(), value, match));
            });
  }

  private static void labelMap(RelabelConfig config, LabelsBuilder labels) {
    for (Map.Entry<String, String> label : labels.snapshot()) {
      if (config.regex().matches(label.getKey())) {
        String name = config.regex().replaceAll(label.getKey(), config.replacement());
        labels.set(name, label.getValue());
      }
    }
  }

  private static void labelDrop(RelabelConfig config, LabelsBuilder labels, boolean dropMatching) {
    for (Map.Entry<String, String> label : labels.snapshot()) {
      if (config.regex().matches(label.getKey()) == dropMatching) {
        labels.delete(label.getKey());
      }
    }
  }

  /** Go's {@code strings.ToLower}/{@code ToUpper}: simple per-code-point case mapping. */
  private static String mapCodePoints(String value, IntUnaryOperator mapping) {
    StringBuilder mapped = new StringBuilder(value.length());
    value.codePoints().map(mapping).forEach(mapped::appendCodePoint);
    return mapped.toString();
  }

  /**
   * The MD5 of the value, its last 8 bytes read as a big-endian unsigned 64-bit number ({@code
   * binary.BigEndian.Uint64(md5[8:])}, as every Prometheus version computes it), modulo modulus.
   */
  static String hashMod(String value, long modulus) {
    byte[] md5 = md5().digest(value.getBytes(StandardCharsets.UTF_8));
    long hash = ByteBuffer.wrap(md5, 8, 8).getLong();
    return Long.toUnsignedString(Long.remainderUnsigned(hash, modulus));
  }

  private static MessageDigest md5() {
    try {
      return MessageDigest.getInstance("MD5");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime must provide MD5", e);
    }
  }
}
