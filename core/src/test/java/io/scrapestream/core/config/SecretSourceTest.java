package io.scrapestream.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretSourceTest {

  @Test
  void shouldRedactValueWhenSecretIsPrinted() {
    Secret secret = new Secret("hunter2");

    assertThat(secret.toString()).isEqualTo("<secret>");
    assertThat(SecretSource.inline("hunter2").toString()).isEqualTo("Inline[secret=<secret>]");
    assertThat(secret.reveal()).isEqualTo("hunter2");
  }

  @Test
  void shouldReadFileAnewWhenFileIsRotated(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("token");
    Files.writeString(file, "  first\n");
    SecretSource source = SecretSource.file(file.toString());

    String before = source.read();
    Files.writeString(file, "second\r\n");

    assertThat(before).isEqualTo("first");
    assertThat(source.read()).isEqualTo("second");
    assertThat(source.description()).isEqualTo("file " + file);
  }

  @Test
  void shouldThrowWhenFileIsMissing(@TempDir Path dir) {
    SecretSource source = SecretSource.file(dir.resolve("missing").toString());

    assertThatThrownBy(source::read).isInstanceOf(NoSuchFileException.class);
  }

  @Test
  void shouldRefuseBasicTypeWhenAuthorizationIsBuilt() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new HttpAuth.Authorization("basic", Optional.empty()))
        .withMessage("type must not be \"basic\" (use basic_auth). Found: \"basic\"");
  }

  @Test
  void shouldRefuseCertWithoutKeyWhenTlsSettingsAreBuilt() {
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                new TlsSettings(
                    Optional.empty(),
                    Optional.of(SecretSource.inline("c")),
                    Optional.empty(),
                    Optional.empty(),
                    false,
                    Optional.empty(),
                    Optional.empty()))
        .withMessage("cert and key must be set together. Found: a cert without a key");
  }

  @Test
  void shouldRefuseNegativeLimitWhenLimitsAreBuilt() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new ScrapeLimits(0, -1, 0, 0, 0))
        .withMessage("labelLimit must not be negative (0 means no limit). Found: -1");
  }

  @Test
  void shouldRefuseRepeatedProtocolWhenFormatIsBuilt() {
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                new ScrapeFormat(
                    java.util.List.of(
                        ScrapeProtocol.PROMETHEUS_PROTO, ScrapeProtocol.PROMETHEUS_PROTO),
                    Optional.empty(),
                    false))
        .withMessage("protocols must not repeat a protocol. Found: PrometheusProto twice");
  }

  @Test
  void shouldRefuseNoProxyWithoutUrlWhenProxySettingsAreBuilt() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new ProxySettings(Optional.empty(), "localhost", false))
        .withMessage("noProxy needs a url. Found: noProxy=\"localhost\"");
  }

  @Test
  void shouldRedactProxyPasswordWhenProxySettingsArePrintedOrRefused() {
    ProxySettings settings =
        new ProxySettings(Optional.of(URI.create("http://scraper:s3cret@proxy:3128")), "", false);

    assertThat(settings.toString())
        .isEqualTo(
            "ProxySettings[url=Optional[http://scraper:xxxxx@proxy:3128], noProxy=,"
                + " fromEnvironment=false, connectHeaders=[]]");
    assertThat(ProxySettings.redacted("http://scraper@proxy:3128"))
        .isEqualTo("http://scraper@proxy:3128");
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                new ProxySettings(
                    Optional.of(URI.create("https://scraper:s3cret@proxy:3128")), "", false))
        .withMessage(
            "url must be an http:// URL with a host. Found: \"https://scraper:xxxxx@proxy:3128\"");
  }
}
