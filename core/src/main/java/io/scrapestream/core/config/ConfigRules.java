package io.scrapestream.core.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The value rules of the configuration, shared by the readers (which report a failing value with
 * its path) and by the records' compact constructors (which throw).
 */
final class ConfigRules {
  private static final Pattern LABEL_NAME_PATTERN = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");
  private static final Pattern TOPIC_CHARS = Pattern.compile("[a-zA-Z0-9._-]*");
  private static final Pattern BACKEND_NAME_PATTERN = Pattern.compile("[a-z0-9][a-z0-9_-]*");
  private static final Pattern NO_WHITESPACE = Pattern.compile("\\S+");
  private static final Pattern HTTP_TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
  private static final Pattern FILE_SD_PATTERN_REGEX =
      Pattern.compile("[^*]*(\\*[^/]*)?\\.(json|yml|yaml|JSON|YML|YAML)");
  private static final Set<String> RESERVED_HEADERS =
      caseInsensitive(
          "Content-Encoding", "Content-Type", "User-Agent", "X-Prometheus-Remote-Write-Version");

  static final ValueRule<String> NOT_EMPTY =
      new ValueRule<>(text -> !text.isEmpty(), "must not be empty");
  static final ValueRule<String> LABEL_NAME =
      new ValueRule<>(
          name -> LABEL_NAME_PATTERN.matcher(name).matches() && !name.startsWith("__"),
          "must match [a-zA-Z_][a-zA-Z0-9_]* and not start with \"__\"");
  static final ValueRule<String> TARGET =
      new ValueRule<>(
          text -> HostPort.parse(text).filter(address -> address.port() > 0).isPresent(),
          "must be host:port with a port in 1..65535");
  static final ValueRule<String> LISTEN_ADDRESS =
      new ValueRule<>(
          text -> HostPort.parse(text).isPresent(), "must be host:port with a port in 0..65535");
  static final ValueRule<String> BOOTSTRAP_SERVERS =
      new ValueRule<>(
          text -> Arrays.stream(text.split(",", -1)).map(String::trim).allMatch(TARGET.test()),
          "must be a comma-separated list of host:port with ports in 1..65535");
  static final ValueRule<String> TOPIC_PREFIX =
      new ValueRule<>(
          text -> TOPIC_CHARS.matcher(text).matches() && text.length() <= 200,
          "must be at most 200 of the characters a-z, A-Z, 0-9, '.', '_' and '-'");
  static final ValueRule<String> APPLICATION_ID =
      new ValueRule<>(
          text -> !text.isEmpty() && TOPIC_CHARS.matcher(text).matches(),
          "must be one or more of the characters a-z, A-Z, 0-9, '.', '_' and '-'");
  static final ValueRule<String> SCRAPER_ID =
      new ValueRule<>(
          text -> NO_WHITESPACE.matcher(text).matches(), "must be non-empty without whitespace");
  static final ValueRule<String> BACKEND_NAME =
      new ValueRule<>(
          name -> BACKEND_NAME_PATTERN.matcher(name).matches(), "must match [a-z0-9][a-z0-9_-]*");
  static final ValueRule<String> METRICS_PATH =
      new ValueRule<>(path -> path.startsWith("/"), "must start with \"/\"");
  static final ValueRule<String> SCHEME = ValueRule.oneOf(List.of("http", "https"));
  static final ValueRule<String> HTTP_URL =
      new ValueRule<>(ConfigRules::isHttpUrl, "must be an absolute http or https URL");
  static final ValueRule<String> HEADER_NAME =
      new ValueRule<>(
          name -> HTTP_TOKEN.matcher(name).matches() && !RESERVED_HEADERS.contains(name),
          "must be an HTTP header name other than " + String.join(", ", RESERVED_HEADERS));
  static final ValueRule<String> HEADER_VALUE =
      new ValueRule<>(
          value -> value.chars().noneMatch(c -> c == '\r' || c == '\n' || c == 0),
          "must not contain a line break or NUL");
  static final ValueRule<String> FILE_PATH =
      new ValueRule<>(ConfigRules::isPath, "must be a non-empty file path");
  static final ValueRule<String> FILE_SD_PATTERN =
      new ValueRule<>(
          text -> FILE_SD_PATTERN_REGEX.matcher(text).matches(),
          "must be a .json, .yml or .yaml path with * only in its last element");
  static final ValueRule<String> AUTHORIZATION_TYPE =
      new ValueRule<>(
          type -> HTTP_TOKEN.matcher(type).matches() && !type.equalsIgnoreCase("Basic"),
          "must be an HTTP authentication scheme other than Basic (use basic_auth)");
  static final ValueRule<Duration> POSITIVE_DURATION =
      new ValueRule<>(
          duration -> !duration.isNegative() && !duration.isZero(), "must be greater than 0s");
  static final ValueRule<Duration> NON_NEGATIVE_DURATION =
      new ValueRule<>(duration -> !duration.isNegative(), "must not be negative");
  static final ValueRule<Integer> POSITIVE_INT =
      new ValueRule<>(number -> number > 0, "must be greater than 0");

  private ConfigRules() {}

  /**
   * Returns the value when it passes the rule, else throws naming the component, the expectation
   * and the value; for the records' compact constructors.
   */
  static <T> T require(String component, T value, ValueRule<T> rule) {
    if (value == null) {
      throw new NullPointerException(component + " must not be null");
    }
    if (!rule.test().test(value)) {
      throw new IllegalArgumentException(
          component + " " + rule.expectation() + ". Found: " + ConfigProblems.describe(value));
    }
    return value;
  }

  /** Throws unless {@code timeout <= interval}; for the records' compact constructors. */
  static void requireTimeoutWithin(Duration timeout, Duration interval) {
    if (timeout.compareTo(interval) > 0) {
      throw new IllegalArgumentException(
          "scrapeTimeout must not exceed scrapeInterval ("
              + ConfigProblems.describe(interval)
              + "). Found: "
              + ConfigProblems.describe(timeout));
    }
  }

  /** Throws unless every key of the map is a valid label name. */
  static void requireLabelNames(String component, Map<String, String> labels) {
    labels.keySet().forEach(name -> require(component + " name", name, LABEL_NAME));
  }

  private static boolean isHttpUrl(String text) {
    try {
      URI uri = new URI(text);
      String scheme = uri.getScheme();
      return uri.isAbsolute()
          && uri.getHost() != null
          && (scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"));
    } catch (URISyntaxException e) {
      return false;
    }
  }

  private static boolean isPath(String text) {
    try {
      return !text.isEmpty() && Path.of(text) != null;
    } catch (InvalidPathException e) {
      return false;
    }
  }

  private static Set<String> caseInsensitive(String... names) {
    Set<String> set = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    set.addAll(List.of(names));
    return Collections.unmodifiableSet(set);
  }
}
