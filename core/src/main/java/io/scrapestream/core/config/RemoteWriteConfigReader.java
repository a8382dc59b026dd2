package io.scrapestream.core.config;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** Reads a backend's {@code remote_write} block and its {@code sigv4} block. */
final class RemoteWriteConfigReader {
  private static final ValueRule<Integer> PROTOCOL_VERSION =
      new ValueRule<>(
          number -> RemoteWriteConfig.ProtocolVersion.of(number).isPresent(), "must be 1 or 2");

  private RemoteWriteConfigReader() {}

  static Optional<ExporterConfig> read(MappingReader m) {
    int problemsBefore = m.problemCount();
    Optional<URI> url = m.required("url", ConfigRules.HTTP_URL).map(URI::create);
    Duration timeout =
        m.duration("timeout", RemoteWriteConfig.DEFAULT_TIMEOUT, ConfigRules.POSITIVE_DURATION);
    Map<String, String> headers =
        m.stringMap("headers", ConfigRules.HEADER_NAME, ConfigRules.HEADER_VALUE);
    RemoteWriteConfig.ProtocolVersion version =
        RemoteWriteConfig.ProtocolVersion.of(m.integer("protocol_version", 1, PROTOCOL_VERSION))
            .orElseThrow();
    boolean sendMetadata = m.bool("send_metadata", version == RemoteWriteConfig.ProtocolVersion.V2);
    boolean sendNativeHistograms = m.bool("send_native_histograms", false);
    Optional<SigV4Config> sigv4 = m.value("sigv4").flatMap(v -> sigv4(MappingReader.of(v)));
    if (sigv4.isPresent()) {
      headers.keySet().stream()
          .filter(RemoteWriteConfig::isSignatureHeader)
          .forEach(
              name ->
                  m.problem(
                      "headers." + name,
                      RemoteWriteConfig.SIGNATURE_HEADERS,
                      ConfigProblems.describe(name)));
    }
    m.finish();
    if (m.problemCount() > problemsBefore) {
      return Optional.empty();
    }
    return url.map(
        u ->
            new RemoteWriteConfig(
                u, timeout, headers, version, sendMetadata, sendNativeHistograms, sigv4));
  }

  private static void checkSignatureHeaders(MappingReader m, Map<String, String> headers) {
    headers.keySet().stream()
        .filter(RemoteWriteConfig::isSignatureHeader)
        .forEach(
            name ->
                m.problem(
                    "headers." + name,
                    RemoteWriteConfig.SIGNATURE_HEADERS,
                    ConfigProblems.describe(name)));
  }

  private static Optional<SigV4Config> sigv4(MappingReader m) {
    int problemsBefore = m.problemCount();
    Optional<String> region = optional(m, "region");
    Optional<String> accessKey = optional(m, "access_key");
    Optional<Secret> secretKey = optional(m, "secret_key").map(Secret::new);
    Optional<String> profile = optional(m, "profile");
    Optional<String> roleArn = optional(m, "role_arn");
    Optional<String> externalId = optional(m, "external_id");
    String serviceName =
        m.string("service_name", SigV4Config.DEFAULT_SERVICE_NAME, ConfigRules.NOT_EMPTY);
    m.finish();
    SigV4Config.problems(accessKey, secretKey, roleArn, externalId)
        .forEach(problem -> m.problem(problem.getKey(), problem.getValue(), "nothing"));
    if (m.problemCount() > problemsBefore) {
      return Optional.empty();
    }
    return Optional.of(
        new SigV4Config(region, accessKey, secretKey, profile, roleArn, externalId, serviceName));
  }

  private static Optional<String> optional(MappingReader m, String key) {
    return m.value(key)
        .flatMap(v -> v.text().flatMap(text -> v.check(text, ConfigRules.NOT_EMPTY)));
  }
}
