package io.scrapestream.core.config;

import io.scrapestream.core.relabel.RelabelConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Loads Scrapestream's YAML configuration into a {@link ScrapestreamConfig}. Reports every problem
 * at once, each with its path in the file, by throwing a {@link ConfigException}; an empty file is
 * the all-defaults configuration. {@code ${env:NAME}} inside strings is replaced by the environment
 * variable NAME, {@code $${env:NAME}} is the literal text {@code ${env:NAME}}.
 */
public final class ConfigLoader {
  private static final String BYTE_ORDER_MARK = "\uFEFF";

  private ConfigLoader() {}

  /** Loads a UTF-8 file, substituting from the process environment. */
  public static ScrapestreamConfig load(Path file) throws ConfigException {
    return load(file, System.getenv());
  }

  /** Loads a UTF-8 file, substituting from {@code env}. */
  public static ScrapestreamConfig load(Path file, Map<String, String> env) throws ConfigException {
    return load(read(file), file.toString(), env);
  }

  /** Loads YAML text, substituting from the process environment. */
  public static ScrapestreamConfig load(String yaml, String sourceName) throws ConfigException {
    return load(yaml, sourceName, System.getenv());
  }

  /**
   * Loads YAML text, substituting from {@code env}; {@code sourceName} heads the exception's
   * message.
   */
  public static ScrapestreamConfig load(String yaml, String sourceName, Map<String, String> env)
      throws ConfigException {
    return load(yaml, sourceName, env, ScraperSettings::defaultId);
  }

  /** As {@link #load(String, String, Map)}, with the host name a missing scraper id defaults to. */
  static ScrapestreamConfig load(
      String yaml, String sourceName, Map<String, String> env, Supplier<String> hostName)
      throws ConfigException {
    ConfigProblems problems = new ConfigProblems();
    ReadContext ctx = new ReadContext(problems, new EnvReferences(env, problems));
    Optional<YamlNode> root = YamlTreeParser.parse(yaml, problems);
    ScrapestreamConfig config = null;
    if (root.isPresent()) {
      config = read(MappingReader.root(root.get(), ctx), hostName, env);
    }
    if (!problems.isEmpty()) {
      throw new ConfigException(sourceName, problems.list());
    }
    return config;
  }

  /**
   * Loads a UTF-8 file that holds only a YAML list of relabel configs in Prometheus's syntax (an
   * empty file is no configs), substituting from the process environment. Problems have paths such
   * as {@code [2].action}.
   */
  public static List<RelabelConfig> loadRelabelConfigs(Path file) throws ConfigException {
    return loadRelabelConfigs(read(file), file.toString());
  }

  /** As {@link #loadRelabelConfigs(Path)}, from YAML text; {@code sourceName} heads the message. */
  public static List<RelabelConfig> loadRelabelConfigs(String yaml, String sourceName)
      throws ConfigException {
    ConfigProblems problems = new ConfigProblems();
    ReadContext ctx = new ReadContext(problems, new EnvReferences(System.getenv(), problems));
    List<RelabelConfig> configs =
        YamlTreeParser.parse(yaml, problems)
            .filter(root -> !YamlNode.isAbsent(root))
            .map(root -> RelabelConfigsReader.readAll(new ValueReader(root, "", ctx).items()))
            .orElse(List.of());
    if (!problems.isEmpty()) {
      throw new ConfigException(sourceName, problems.list());
    }
    return configs;
  }

  private static String read(Path file) throws ConfigException {
    String yaml;
    try {
      yaml = Files.readString(file);
    } catch (IOException e) {
      throw new ConfigException(
          file.toString(), List.of("(file): must be a readable UTF-8 file. Found: " + e));
    }
    return yaml.startsWith(BYTE_ORDER_MARK) ? yaml.substring(1) : yaml;
  }

  private static ScrapestreamConfig read(
      MappingReader root, Supplier<String> hostName, Map<String, String> env) {
    GlobalConfig global = GlobalConfigReader.read(root.mapping("global"));
    List<ScrapeConfig> scrapeConfigs =
        ScrapeConfigReader.readAll(root.items("scrape_configs"), global);
    KafkaSettings kafka = ServiceSettingsReader.kafka(root.mapping("kafka"));
    ScraperSettings scraper = ServiceSettingsReader.scraper(root.mapping("scraper"), hostName, env);
    EnrichSettings enrich = EnrichSettingsReader.read(root.mapping("enrich"));
    TelemetrySettings telemetry = ServiceSettingsReader.telemetry(root.mapping("telemetry"));
    List<BackendConfig> backends = BackendConfigReader.readAll(root.items("backends"));
    AllocatorSettings allocator = AllocatorSettingsReader.read(root.mapping("allocator"));
    root.finish();
    return new ScrapestreamConfig(
        global, scrapeConfigs, kafka, scraper, enrich, telemetry, backends, allocator);
  }
}
