package io.scrapestream.core.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads {@code enrich}: application id, processing guarantee, {@code staleness}, {@code kubernetes}
 * and {@code resource_attributes}. Every attribute key (extracted metadata, tag names, cluster-wide
 * attributes) must be unique; a repeat is reported at its path with the path of the first.
 */
final class EnrichSettingsReader {
  private static final ValueRule<String> ATTRIBUTE_KEY = ConfigRules.NOT_EMPTY;

  private EnrichSettingsReader() {}

  static EnrichSettings read(MappingReader m) {
    String applicationId =
        m.string(
            "application_id", EnrichSettings.DEFAULT_APPLICATION_ID, ConfigRules.APPLICATION_ID);
    String guarantee =
        m.string(
            "processing_guarantee",
            ProcessingGuarantee.AT_LEAST_ONCE.kafkaValue(),
            ValueRule.oneOf(ProcessingGuarantee.kafkaValues()));
    AttributeKeys keys = new AttributeKeys();
    KubernetesEnrichSettings kubernetes = kubernetes(m.mapping("kubernetes"), keys);
    Map<String, String> attributes =
        new LinkedHashMap<>(
            m.stringMap("resource_attributes", ATTRIBUTE_KEY, ConfigRules.NOT_EMPTY));
    MappingReader attributesReader = m.mapping("resource_attributes");
    attributes.keySet().removeIf(key -> !keys.claim(attributesReader, key, key));
    StalenessSettings staleness = staleness(m.mapping("staleness"));
    m.finish();
    return new EnrichSettings(
        applicationId,
        ProcessingGuarantee.fromKafkaValue(guarantee).orElseThrow(),
        kubernetes,
        attributes,
        staleness);
  }

  private static StalenessSettings staleness(MappingReader m) {
    boolean enabled = m.bool("enabled", true);
    Optional<Duration> interval =
        m.optionalDuration("punctuate_interval", ConfigRules.POSITIVE_DURATION);
    m.finish();
    return new StalenessSettings(enabled, interval);
  }

  private static KubernetesEnrichSettings kubernetes(MappingReader m, AttributeKeys keys) {
    boolean enabled = m.bool("enabled", true);
    List<PodAssociation> associations =
        m.has("pod_association") ? podAssociations(m.items("pod_association")) : null;
    MappingReader extract = m.mapping("extract");
    List<KubernetesAttribute> metadata =
        extract.has("metadata")
            ? metadata(extract.items("metadata"), keys)
            : claimDefaults(extract, keys);
    List<ExtractRule> labels = rules(extract.items("labels"), ExtractRule.POD_LABEL_PREFIX, keys);
    List<ExtractRule> annotations =
        rules(extract.items("annotations"), ExtractRule.POD_ANNOTATION_PREFIX, keys);
    List<ExtractRule> namespaceLabels =
        rules(extract.items("namespace_labels"), ExtractRule.NAMESPACE_LABEL_PREFIX, keys);
    extract.finish();
    boolean asLabels = m.bool("attributes_as_labels", false);
    m.finish();
    return new KubernetesEnrichSettings(
        enabled,
        associations == null ? PodAssociation.defaults() : associations,
        metadata,
        labels,
        annotations,
        namespaceLabels,
        asLabels);
  }

  private static List<PodAssociation> podAssociations(List<ValueReader> items) {
    List<PodAssociation> rules = new ArrayList<>();
    for (ValueReader item : items) {
      podAssociation(MappingReader.of(item)).ifPresent(rules::add);
    }
    return rules;
  }

  private static Optional<PodAssociation> podAssociation(MappingReader m) {
    int problems = m.problemCount();
    Optional<PodAssociation.Source> from =
        m.required("from", ValueRule.oneOf(PodAssociation.Source.yamlValues()))
            .flatMap(PodAssociation.Source::fromYaml);
    String name = m.string("name", null, ConfigRules.NOT_EMPTY);
    String key = m.string("key", null, ValueRule.oneOf(PodAssociation.Identifier.yamlValues()));
    m.finish();
    if (from.isEmpty() || m.problemCount() > problems) {
      return Optional.empty();
    }
    return from.get() == PodAssociation.Source.LABEL
        ? labelRule(m, name, key)
        : addressRule(m, name, key);
  }

  private static Optional<PodAssociation> labelRule(MappingReader m, String name, String key) {
    if (name == null) {
      m.problem("name", "must be set when from is label", "nothing");
    }
    if (key == null) {
      m.problem("key", "must be set when from is label", "nothing");
    }
    if (name == null || key == null) {
      return Optional.empty();
    }
    return Optional.of(
        PodAssociation.label(name, PodAssociation.Identifier.fromYaml(key).orElseThrow()));
  }

  private static Optional<PodAssociation> addressRule(MappingReader m, String name, String key) {
    if (name != null) {
      m.problem("name", "must not be set when from is address", ConfigProblems.quote(name));
    }
    boolean ip = key == null || key.equals(PodAssociation.Identifier.IP.yaml());
    if (!ip) {
      m.problem("key", "must be ip when from is address", ConfigProblems.quote(key));
    }
    return name == null && ip ? Optional.of(PodAssociation.address()) : Optional.empty();
  }

  private static List<KubernetesAttribute> metadata(List<ValueReader> items, AttributeKeys keys) {
    List<KubernetesAttribute> metadata = new ArrayList<>();
    ValueRule<String> known = ValueRule.oneOf(KubernetesAttribute.keys());
    for (ValueReader item : items) {
      item.text()
          .flatMap(text -> item.check(text, known))
          .filter(key -> keys.claim(item, key))
          .flatMap(KubernetesAttribute::fromKey)
          .ifPresent(metadata::add);
    }
    return metadata;
  }

  private static List<KubernetesAttribute> claimDefaults(MappingReader m, AttributeKeys keys) {
    List<KubernetesAttribute> defaults = KubernetesAttribute.defaults();
    defaults.forEach(attribute -> keys.claimDefault(m.path() + ".metadata", attribute.key()));
    return defaults;
  }

  private static List<ExtractRule> rules(
      List<ValueReader> items, String defaultPrefix, AttributeKeys keys) {
    List<ExtractRule> rules = new ArrayList<>();
    for (ValueReader item : items) {
      MappingReader m = MappingReader.of(item);
      int problems = m.problemCount();
      Optional<String> key = m.required("key", ConfigRules.NOT_EMPTY);
      String tag = m.string("tag_name", null, ATTRIBUTE_KEY);
      m.finish();
      if (key.isEmpty() || m.problemCount() > problems) {
        continue;
      }
      String tagName = tag != null ? tag : defaultPrefix + key.get();
      if (keys.claim(m, tag != null ? "tag_name" : "key", tagName)) {
        rules.add(new ExtractRule(key.get(), tagName));
      }
    }
    return rules;
  }

  /** The attribute keys claimed so far, with the path of the first claim. */
  private static final class AttributeKeys {
    private final Map<String, String> firstPaths = new HashMap<>();

    void claimDefault(String path, String key) {
      firstPaths.putIfAbsent(key, path + " (default)");
    }

    boolean claim(ValueReader item, String key) {
      return claim(item.path(), key, item::problem);
    }

    boolean claim(MappingReader m, String field, String key) {
      return claim(
          ConfigProblems.key(m.path(), field),
          key,
          (expectation, found) -> m.problem(field, expectation, found));
    }

    private boolean claim(String path, String key, Problem problem) {
      String first = firstPaths.putIfAbsent(key, path);
      if (first == null) {
        return true;
      }
      problem.add(
          "must be a unique attribute key", ConfigProblems.quote(key) + " (also at " + first + ")");
      return false;
    }
  }

  private interface Problem {
    void add(String expectation, String found);
  }
}
