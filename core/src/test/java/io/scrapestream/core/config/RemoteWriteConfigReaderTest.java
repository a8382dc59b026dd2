package io.scrapestream.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The remote_write keys added for remote write 2.0, metadata and SigV4. */
class RemoteWriteConfigReaderTest {
  private static final URI URL = URI.create("https://h/api/v1/write");

  @Test
  void shouldSendVersion1WithoutMetadataWhenOnlyUrlIsSet() throws Exception {
    RemoteWriteConfig config = remoteWrite("{url: 'https://h/api/v1/write'}");

    assertThat(config.protocolVersion()).isEqualTo(RemoteWriteConfig.ProtocolVersion.V1);
    assertThat(config.sendMetadata()).isFalse();
    assertThat(config.sendNativeHistograms()).isFalse();
    assertThat(config.sigv4()).isEmpty();
  }

  @Test
  void shouldSendMetadataByDefaultWhenProtocolVersionIs2() throws Exception {
    RemoteWriteConfig config = remoteWrite("{url: 'https://h/api/v1/write', protocol_version: 2}");

    assertThat(config)
        .isEqualTo(
            new RemoteWriteConfig(
                URL,
                Duration.ofSeconds(30),
                Map.of(),
                RemoteWriteConfig.ProtocolVersion.V2,
                true,
                false,
                Optional.empty()));
  }

  @Test
  void shouldReadExplicitFlagsWhenSet() throws Exception {
    RemoteWriteConfig config =
        remoteWrite(
            "{url: 'https://h/api/v1/write', protocol_version: 2, send_metadata: false,"
                + " send_native_histograms: true}");

    assertThat(config.sendMetadata()).isFalse();
    assertThat(config.sendNativeHistograms()).isTrue();
  }

  @Test
  void shouldReadEverySigV4KeyWhenGiven() throws Exception {
    RemoteWriteConfig config =
        remoteWrite(
            "{url: 'https://h/api/v1/write', sigv4: {region: eu-west-1, access_key: AKID,"
                + " secret_key: s3cr3t, profile: prod, role_arn: 'arn:aws:iam::1:role/r',"
                + " external_id: ext, service_name: other}}");

    assertThat(config.sigv4())
        .contains(
            new SigV4Config(
                Optional.of("eu-west-1"),
                Optional.of("AKID"),
                Optional.of(new Secret("s3cr3t")),
                Optional.of("prod"),
                Optional.of("arn:aws:iam::1:role/r"),
                Optional.of("ext"),
                "other"));
    assertThat(config.toString()).doesNotContain("s3cr3t").contains("secretKey=Optional[<secret>]");
  }

  @Test
  void shouldSignForAmpWithDefaultChainsWhenSigV4IsEmpty() throws Exception {
    RemoteWriteConfig config = remoteWrite("{url: 'https://h/api/v1/write', sigv4: {}}");

    assertThat(config.sigv4()).contains(SigV4Config.defaults());
    assertThat(SigV4Config.defaults().serviceName()).isEqualTo("aps");
  }

  @Test
  void shouldReportEveryProblemWithPathWhenRemoteWriteIsWrong() {
    ConfigException e =
        catchThrowableOfType(
            ConfigException.class,
            () ->
                load(
                    "backends: [{name: p, remote_write: {url: 'https://h/w', protocol_version: 3,"
                        + " send_metadata: yes, headers: {Authorization: x, X-Amz-Date: y},"
                        + " sigv4: {access_key: AKID, external_id: e, region: '', token: t}}}]\n"));

    assertThat(e.problems())
        .containsExactly(
            "backends[0].remote_write.protocol_version: must be 1 or 2. Found: 3",
            "backends[0].remote_write.send_metadata: must be a boolean. Found: \"yes\"",
            "backends[0].remote_write.sigv4.region: must not be empty. Found: \"\"",
            "backends[0].remote_write.sigv4.token: unknown key. Expected one of: region,"
                + " access_key, secret_key, profile, role_arn, external_id, service_name",
            "backends[0].remote_write.sigv4.secret_key: must be set when access_key is set."
                + " Found: nothing",
            "backends[0].remote_write.sigv4.role_arn: must be set when external_id is set."
                + " Found: nothing");
  }

  @Test
  void shouldRefuseAuthorizationAndAmzHeadersWhenSigV4IsSet() {
    ConfigException e =
        catchThrowableOfType(
            ConfigException.class,
            () ->
                load(
                    "backends: [{name: p, remote_write: {url: 'https://h/w', sigv4: {},"
                        + " headers: {authorization: x, X-Amz-Security-Token: y, X-Ok: z}}}]\n"));

    assertThat(e.problems())
        .containsExactly(
            "backends[0].remote_write.headers.authorization: must not be Authorization or start"
                + " with X-Amz- when sigv4 is set. Found: \"authorization\"",
            "backends[0].remote_write.headers.X-Amz-Security-Token: must not be Authorization or"
                + " start with X-Amz- when sigv4 is set. Found: \"X-Amz-Security-Token\"");
  }

  @Test
  void shouldThrowWhenRecordBreaksSigV4Rules() {
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                new SigV4Config(
                    Optional.empty(),
                    Optional.empty(),
                    Optional.of(new Secret("s")),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.of("ext"),
                    "aps"))
        .withMessage(
            "access_key: must be set when secret_key is set. Found: nothing; role_arn: must be"
                + " set when external_id is set. Found: nothing");
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                new RemoteWriteConfig(
                    URL,
                    Duration.ofSeconds(1),
                    Map.of("Authorization", "Bearer t"),
                    RemoteWriteConfig.ProtocolVersion.V1,
                    false,
                    false,
                    Optional.of(SigV4Config.defaults())))
        .withMessage(
            "header name must not be Authorization or start with X-Amz- when sigv4 is set."
                + " Found: \"Authorization\"");
  }

  @Test
  void shouldNeverShowSecretValueWhenPrinted() {
    assertThat(new Secret("hunter2")).hasToString("<secret>");
  }

  private static RemoteWriteConfig remoteWrite(String block) throws ConfigException {
    return (RemoteWriteConfig)
        load("backends: [{name: p, remote_write: " + block + "}]\n").backends().get(0).exporter();
  }

  private static ScrapestreamConfig load(String yaml) throws ConfigException {
    return ConfigLoader.load(yaml, "test.yaml", Map.of(), () -> "test-host");
  }
}
