package io.scrapestream.sink.sigv4;

import io.scrapestream.core.config.SigV4Config;
import java.time.Clock;
import java.util.UUID;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;
import software.amazon.awssdk.services.sts.model.AssumeRoleRequest;

/**
 * Builds the {@link SigV4Signer} a {@code sigv4} block asks for. Credentials: the static keys when
 * given, else the named profile, else the SDK's default chain (environment, Java system properties,
 * web identity token file as IRSA sets it, shared profile, container, instance profile); with
 * {@code role_arn}, those credentials assume the role through STS.
 */
public final class SigV4SignerFactory {
  /** The STS session name of an assumed role: {@code scrapestream-<random>}. */
  static final String SESSION_PREFIX = "scrapestream-";

  private SigV4SignerFactory() {}

  /**
   * @throws IllegalArgumentException when no region is configured and the SDK's region chain
   *     ({@code AWS_REGION}, the profile) finds none
   */
  public static SigV4Signer create(SigV4Config config, Clock clock) {
    String region = region(config);
    return new SigV4Signer(
        credentials(config, region), new SigV4Signer.Scope(region, config.serviceName()), clock);
  }

  static String region(SigV4Config config) {
    if (config.region().isPresent()) {
      return config.region().get();
    }
    try {
      return DefaultAwsRegionProviderChain.builder()
          .profileName(config.profile().orElse(null))
          .build()
          .getRegion()
          .id();
    } catch (SdkClientException e) {
      throw new IllegalArgumentException(
          "sigv4.region: must be set when neither AWS_REGION nor the AWS profile names one."
              + " Found: nothing",
          e);
    }
  }

  static AwsCredentialsProvider credentials(SigV4Config config, String region) {
    AwsCredentialsProvider base = baseCredentials(config);
    if (config.roleArn().isEmpty()) {
      return base;
    }
    StsClient sts =
        StsClient.builder()
            .region(Region.of(region))
            .credentialsProvider(base)
            .httpClient(UrlConnectionHttpClient.create())
            .build();
    AssumeRoleRequest.Builder assume =
        AssumeRoleRequest.builder()
            .roleArn(config.roleArn().get())
            .roleSessionName(SESSION_PREFIX + UUID.randomUUID().toString().substring(0, 8));
    config.externalId().ifPresent(assume::externalId);
    return StsAssumeRoleCredentialsProvider.builder()
        .stsClient(sts)
        .refreshRequest(assume.build())
        .asyncCredentialUpdateEnabled(false)
        .build();
  }

  private static AwsCredentialsProvider baseCredentials(SigV4Config config) {
    if (config.accessKey().isPresent() && config.secretKey().isPresent()) {
      return StaticCredentialsProvider.create(
          AwsBasicCredentials.create(config.accessKey().get(), config.secretKey().get().reveal()));
    }
    if (config.profile().isPresent()) {
      return ProfileCredentialsProvider.create(config.profile().get());
    }
    return DefaultCredentialsProvider.builder().build();
  }
}
