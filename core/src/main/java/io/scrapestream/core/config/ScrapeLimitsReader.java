package io.scrapestream.core.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the limit keys ({@code sample_limit}, {@code label_limit}, {@code label_name_length_limit},
 * {@code label_value_length_limit}, {@code body_size_limit}, {@code target_limit}) and the format
 * keys ({@code scrape_protocols}, {@code fallback_scrape_protocol}, {@code
 * scrape_classic_histograms}) of {@code global} and of a job.
 */
final class ScrapeLimitsReader {
  private static final ValueRule<Integer> NOT_NEGATIVE =
      new ValueRule<>(n -> n >= 0, "must not be negative (0 means no limit)");
  private static final String SIZE =
      "must be a size such as 10MB, 512KiB or 0 (units B, KB, MB, GB, TB, PB, EB, powers of 1024)";
  private static final ValueRule<String> PROTOCOL = ValueRule.oneOf(ScrapeProtocol.configNames());

  private ScrapeLimitsReader() {}

  static ScrapeLimits limits(MappingReader m) {
    int sampleLimit = m.integer("sample_limit", 0, NOT_NEGATIVE);
    int labelLimit = m.integer("label_limit", 0, NOT_NEGATIVE);
    int nameLength = m.integer("label_name_length_limit", 0, NOT_NEGATIVE);
    int valueLength = m.integer("label_value_length_limit", 0, NOT_NEGATIVE);
    long bodySize = m.value("body_size_limit").flatMap(ScrapeLimitsReader::byteSize).orElse(0L);
    int targetLimit = m.integer("target_limit", 0, NOT_NEGATIVE);
    return new ScrapeLimits(
        sampleLimit, labelLimit, nameLength, valueLength, bodySize, targetLimit);
  }

  /** {@code scrape_protocols}: empty when not set, so that the caller can inherit. */
  static Optional<List<ScrapeProtocol>> protocols(MappingReader m) {
    Optional<ValueReader> value = m.value("scrape_protocols");
    if (value.isEmpty()) {
      return Optional.empty();
    }
    List<ScrapeProtocol> protocols = new ArrayList<>();
    List<ValueReader> items = value.get().items();
    for (ValueReader item : items) {
      item.text()
          .flatMap(name -> item.check(name, PROTOCOL))
          .flatMap(ScrapeProtocol::fromConfigName)
          .ifPresent(p -> addUnique(item, protocols, p));
    }
    if (items.isEmpty() && value.get().node() instanceof YamlNode.Sequence) {
      value.get().problem("must not be empty", "[]");
    }
    return protocols.isEmpty() ? Optional.empty() : Optional.of(protocols);
  }

  /** A job's format keys; protocols not set are {@code inherited}. */
  static ScrapeFormat format(MappingReader m, List<ScrapeProtocol> inherited) {
    List<ScrapeProtocol> protocols = protocols(m).orElse(inherited);
    Optional<ScrapeProtocol> fallback =
        Optional.of(m.string("fallback_scrape_protocol", "", PROTOCOL))
            .filter(name -> !name.isEmpty())
            .flatMap(ScrapeProtocol::fromConfigName);
    boolean classic = classicHistograms(m);
    return new ScrapeFormat(protocols, fallback, classic);
  }

  /**
   * {@code scrape_classic_histograms} (Prometheus 2) or its Prometheus 3 name {@code
   * always_scrape_classic_histograms}; setting both is a problem.
   */
  private static boolean classicHistograms(MappingReader m) {
    Optional<Boolean> v2 = m.value("scrape_classic_histograms").flatMap(ValueReader::bool);
    Optional<Boolean> v3 = m.value("always_scrape_classic_histograms").flatMap(ValueReader::bool);
    if (v2.isPresent() && v3.isPresent()) {
      m.problem(
          "at most one of scrape_classic_histograms & always_scrape_classic_histograms must be"
              + " configured",
          "scrape_classic_histograms, always_scrape_classic_histograms");
    }
    return v2.or(() -> v3).orElse(false);
  }

  private static void addUnique(
      ValueReader item, List<ScrapeProtocol> protocols, ScrapeProtocol protocol) {
    if (protocols.contains(protocol)) {
      item.problem("must not repeat a protocol", ConfigProblems.quote(protocol.configName()));
    } else {
      protocols.add(protocol);
    }
  }

  /** A byte size written as a number or as {@link ByteSize} text; a problem when invalid. */
  static Optional<Long> byteSize(ValueReader value) {
    if (value.node() instanceof YamlNode.Scalar scalar && scalar.kind() == YamlNode.Kind.INTEGER) {
      Optional<Long> bytes = parseLong(scalar.text()).filter(n -> n >= 0);
      if (bytes.isEmpty()) {
        value.problem(SIZE, scalar.text());
      }
      return bytes;
    }
    return value
        .text()
        .flatMap(
            text -> {
              Optional<Long> bytes = ByteSize.parse(text);
              if (bytes.isEmpty()) {
                value.problem(SIZE, ConfigProblems.quote(text));
              }
              return bytes;
            });
  }

  private static Optional<Long> parseLong(String text) {
    try {
      return Optional.of(Long.parseLong(text));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
