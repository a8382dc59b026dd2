package io.scrapestream.helm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The chart under test, rendered and linted with real Helm (helm-java, offline). */
final class Chart {
  /** The chart directory; tests run in the module directory. */
  static final Path DIR = Path.of("scrapestream").toAbsolutePath();

  static final String RELEASE = "ss";
  static final String NAMESPACE = "metrics";

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private Chart() {}

  /**
   * The hooks of the chart, rendered as regular resources by a test-only template: helm-java's
   * template prints the release manifest, which leaves hooks out. Only the annotation key is
   * renamed on the way (and back in {@link #template}); everything else is the chart's output.
   */
  private static final String HOOKS_TEMPLATE =
      """
      {{- if include "scrapestream.topicsJob.enabled" . }}
      ---
      {{ include "scrapestream.topicsConfigMap" . | replace "helm.sh/hook" "%1$s" }}
      ---
      {{ include "scrapestream.topicsJob" . | replace "helm.sh/hook" "%1$s" }}
      {{- end }}
      """
          .formatted("test.scrapestream.io/hook");

  private static Path withHooks;

  /** {@code helm template} with a values file (or none) and {@code --set}s, hooks included. */
  static String template(Path valuesFile, Map<String, Object> sets) {
    return templateOf(chartWithHooks(), valuesFile, sets)
        .replace("test.scrapestream.io/hook", "helm.sh/hook");
  }

  /** {@code helm template} of the chart as it is (without its hooks). */
  static String templateOf(Path chart, Path valuesFile, Map<String, Object> sets) {
    TemplateCommand command =
        new Helm(chart)
            .template()
            .withName(RELEASE)
            .withNamespace(NAMESPACE)
            .withKubeVersion("1.30.0");
    if (valuesFile != null) {
      command = command.withValuesFile(valuesFile);
    }
    for (Map.Entry<String, Object> set : sets.entrySet()) {
      command = command.set(set.getKey(), set.getValue());
    }
    return command.call();
  }

  /** The rendered manifests, parsed with fabric8's model (custom resources as generic ones). */
  static List<HasMetadata> manifests(String rendered) {
    List<HasMetadata> resources = new ArrayList<>();
    for (String document : rendered.split("(?m)^---\\s*$")) {
      if (document.lines().anyMatch(line -> line.startsWith("kind:"))) {
        resources.add(Serialization.unmarshal(document, HasMetadata.class));
      }
    }
    return resources;
  }

  /** The manifests of the default values. */
  static List<HasMetadata> defaults() {
    return manifests(template(null, Map.of()));
  }

  /** The manifests of an example values file of the chart ({@code examples/NAME.yaml}). */
  static List<HasMetadata> example(String name) {
    return manifests(template(DIR.resolve("examples").resolve(name + ".yaml"), Map.of()));
  }

  /** The resources of one kind, by name. */
  static <T extends HasMetadata> List<T> ofKind(List<HasMetadata> resources, Class<T> kind) {
    return resources.stream().filter(kind::isInstance).map(kind::cast).toList();
  }

  /**
   * {@code helm lint --strict} of the chart with {@code valuesFile} merged over its values.yaml
   * (helm-java's lint takes no values file, so a copy of the chart gets the merged values).
   */
  static LintResult lint(Path valuesFile, Path workDir) throws IOException {
    if (valuesFile == null) {
      return new Helm(DIR).lint().strict().call();
    }
    Path copy = workDir.resolve("scrapestream");
    copyTree(DIR, copy);
    JsonNode merged =
        merge(
            YAML.readTree(DIR.resolve("values.yaml").toFile()), YAML.readTree(valuesFile.toFile()));
    YAML.writeValue(copy.resolve("values.yaml").toFile(), merged);
    return new Helm(copy).lint().strict().call();
  }

  /** Helm's coalescing: mappings merge key by key, anything else is replaced. */
  static JsonNode merge(JsonNode base, JsonNode override) {
    if (!(base instanceof ObjectNode target) || !override.isObject()) {
      return override;
    }
    ObjectNode result = target.deepCopy();
    Iterator<Map.Entry<String, JsonNode>> fields = override.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      JsonNode current = result.get(field.getKey());
      result.set(
          field.getKey(), current == null ? field.getValue() : merge(current, field.getValue()));
    }
    return result;
  }

  private static synchronized Path chartWithHooks() {
    if (withHooks == null) {
      try {
        Path copy = Files.createTempDirectory("scrapestream-chart-").resolve("scrapestream");
        copyTree(DIR, copy);
        Files.writeString(copy.resolve("templates/zz-test-hooks.yaml"), HOOKS_TEMPLATE);
        withHooks = copy;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return withHooks;
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> paths = Files.walk(from)) {
      for (Path path : (Iterable<Path>) paths::iterator) {
        Path target = to.resolve(from.relativize(path).toString());
        if (Files.isDirectory(path)) {
          Files.createDirectories(target);
        } else {
          Files.copy(path, target);
        }
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }
}
