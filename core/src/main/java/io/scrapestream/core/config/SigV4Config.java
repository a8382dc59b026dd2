package io.scrapestream.core.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * AWS Signature Version 4 signing of remote write requests (Amazon Managed Service for Prometheus),
 * with the keys of Prometheus's {@code sigv4} block. What is absent comes from the AWS SDK's
 * default chains: the region from {@code AWS_REGION} or the profile, the credentials from the
 * environment, web identity (IRSA), the profile, the container or the instance profile.
 *
 * @param region the signing region, e.g. {@code us-east-1}
 * @param accessKey a static access key id; only together with {@code secretKey}
 * @param secretKey the static secret access key; only together with {@code accessKey}
 * @param profile a profile of the AWS shared config and credentials files
 * @param roleArn a role to assume (STS AssumeRole) with the credentials found
 * @param externalId the external id of the role to assume; only with {@code roleArn}
 * @param serviceName the signing name of the service, {@value #DEFAULT_SERVICE_NAME} for Amazon
 *     Managed Service for Prometheus
 */
public record SigV4Config(
    Optional<String> region,
    Optional<String> accessKey,
    Optional<Secret> secretKey,
    Optional<String> profile,
    Optional<String> roleArn,
    Optional<String> externalId,
    String serviceName) {
  public static final String DEFAULT_SERVICE_NAME = "aps";

  public SigV4Config {
    Objects.requireNonNull(region, "region must not be null");
    Objects.requireNonNull(accessKey, "accessKey must not be null");
    Objects.requireNonNull(secretKey, "secretKey must not be null");
    Objects.requireNonNull(profile, "profile must not be null");
    Objects.requireNonNull(roleArn, "roleArn must not be null");
    Objects.requireNonNull(externalId, "externalId must not be null");
    ConfigRules.require("serviceName", serviceName, ConfigRules.NOT_EMPTY);
    List<String> problems =
        problems(accessKey, secretKey, roleArn, externalId).stream()
            .map(p -> p.getKey() + ": " + p.getValue() + ". Found: nothing")
            .toList();
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join("; ", problems));
    }
  }

  /** Signing for Amazon Managed Service for Prometheus with every default. */
  public static SigV4Config defaults() {
    return new SigV4Config(
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        DEFAULT_SERVICE_NAME);
  }

  /**
   * The rules between keys, as the key at fault and what it must be (each found absent); shared by
   * the reader (which reports them with their path) and the compact constructor (which throws).
   */
  static List<Map.Entry<String, String>> problems(
      Optional<String> accessKey,
      Optional<Secret> secretKey,
      Optional<String> roleArn,
      Optional<String> externalId) {
    List<Map.Entry<String, String>> problems = new ArrayList<>();
    if (accessKey.isPresent() && secretKey.isEmpty()) {
      problems.add(Map.entry("secret_key", "must be set when access_key is set"));
    }
    if (secretKey.isPresent() && accessKey.isEmpty()) {
      problems.add(Map.entry("access_key", "must be set when secret_key is set"));
    }
    if (externalId.isPresent() && roleArn.isEmpty()) {
      problems.add(Map.entry("role_arn", "must be set when external_id is set"));
    }
    return problems;
  }
}
