package io.scrapestream.sink.sigv4;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scrapestream.core.config.Secret;
import io.scrapestream.core.config.SigV4Config;
import io.scrapestream.sink.RequestSigner;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The signer a {@code sigv4} block builds; no call leaves the JVM. */
class SigV4SignerFactoryTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2024-05-06T07:08:09Z"), ZoneOffset.UTC);

  @Test
  void shouldSignWithStaticKeysRegionAndServiceWhenConfigured() {
    SigV4Config config =
        new SigV4Config(
            Optional.of("ap-southeast-2"),
            Optional.of("AKIDSTATIC"),
            Optional.of(new Secret("secret")),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            "aps");

    try (SigV4Signer signer = SigV4SignerFactory.create(config, CLOCK)) {
      Map<String, String> added =
          signer.sign(
              new RequestSigner.Request(
                  "POST",
                  URI.create(
                      "https://aps-workspaces.ap-southeast-2.amazonaws.com/workspaces/w/api/v1/remote_write"),
                  Map.of("Content-Type", "application/x-protobuf"),
                  new byte[] {1, 2, 3}));

      assertThat(added).containsOnlyKeys("Authorization", "X-Amz-Date", "x-amz-content-sha256");
      assertThat(added.get("Authorization"))
          .startsWith(
              "AWS4-HMAC-SHA256 Credential=AKIDSTATIC/20240506/ap-southeast-2/aps/aws4_request,"
                  + " SignedHeaders=content-type;host;x-amz-content-sha256;x-amz-date, Signature=");
      assertThat(added.get("X-Amz-Date")).isEqualTo("20240506T070809Z");
      assertThat(signer).hasToString("SigV4Signer[region=ap-southeast-2, service=aps]");
    }
  }

  @Test
  void shouldNameMissingRegionWhenNeitherConfigNorEnvironmentHasOne() {
    Assumptions.assumeTrue(
        System.getenv("AWS_REGION") == null && System.getenv("AWS_DEFAULT_REGION") == null,
        "AWS_REGION is set in this environment");
    String disabled = System.setProperty("aws.disableEc2Metadata", "true");
    try {
      SigV4Config config =
          new SigV4Config(
              Optional.empty(),
              Optional.empty(),
              Optional.empty(),
              Optional.of("scrapestream-test-no-such-profile"),
              Optional.empty(),
              Optional.empty(),
              "aps");

      assertThatThrownBy(() -> SigV4SignerFactory.create(config, CLOCK))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(
              "sigv4.region: must be set when neither AWS_REGION nor the AWS profile names one."
                  + " Found: nothing");
    } finally {
      if (disabled == null) {
        System.clearProperty("aws.disableEc2Metadata");
      } else {
        System.setProperty("aws.disableEc2Metadata", disabled);
      }
    }
  }
}
