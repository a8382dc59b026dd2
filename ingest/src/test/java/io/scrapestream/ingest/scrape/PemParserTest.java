package io.scrapestream.ingest.scrape;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Keys and certificates in src/test/resources/pem (see its README for how they were made). */
class PemParserTest {

  @ParameterizedTest
  @CsvSource({
    "rsa-pkcs1.key, rsa.crt, RSA",
    "rsa-pkcs8.key, rsa.crt, RSA",
    "ec-sec1.key, ec.crt, EC",
    "ec-pkcs8.key, ec.crt, EC",
    "ed25519-pkcs8.key, ed25519.crt, EdDSA"
  })
  void shouldReadKeyMatchingItsCertificateWhenPemIsOfAnySupportedForm(
      String keyFile, String certFile, String algorithm) throws Exception {
    PrivateKey key = PemParser.privateKey(pem(keyFile));
    X509Certificate cert = PemParser.certificates(pem(certFile)).get(0);

    assertThat(key.getAlgorithm()).isEqualTo(algorithm);
    assertThat(cert.getPublicKey().getAlgorithm()).isEqualTo(algorithm);
  }

  @Test
  void shouldReadEveryCertificateAndSkipOtherTextWhenBundleHasSeveral() throws Exception {
    String bundle =
        "# our CAs\n" + pem("rsa.crt") + "\nsome comment\n" + pem("ec-pkcs8.key") + pem("ec.crt");

    List<X509Certificate> certs = PemParser.certificates(bundle);

    assertThat(certs)
        .extracting(c -> c.getSubjectX500Principal().getName())
        .containsExactly("CN=rsa-test", "CN=ec-test");
  }

  @Test
  void shouldFailWhenTextHoldsNoCertificate() {
    assertThatThrownBy(() -> PemParser.certificates("not a pem"))
        .isInstanceOf(GeneralSecurityException.class)
        .hasMessage("no PEM CERTIFICATE block found");
  }

  @Test
  void shouldFailWhenTextHoldsNoKey() throws Exception {
    String cert = pem("rsa.crt");

    assertThatThrownBy(() -> PemParser.privateKey(cert))
        .isInstanceOf(GeneralSecurityException.class)
        .hasMessage("no PEM private key block found");
  }

  @Test
  void shouldFailWhenKeyIsEncrypted() {
    String encrypted =
        "-----BEGIN ENCRYPTED PRIVATE KEY-----\nMIIB\n-----END ENCRYPTED PRIVATE KEY-----\n";

    assertThatThrownBy(() -> PemParser.privateKey(encrypted))
        .hasMessage("encrypted private keys are not supported");
  }

  @Test
  void shouldFailWhenSec1KeyIsTruncated() {
    String truncated =
        "-----BEGIN EC PRIVATE KEY-----\nMHcCAQEEIA==\n-----END EC PRIVATE KEY-----\n";

    assertThatThrownBy(() -> PemParser.privateKey(truncated))
        .isInstanceOf(GeneralSecurityException.class)
        .hasMessage("malformed DER length at byte 2");
  }

  static String pem(String name) throws Exception {
    return Files.readString(resource("/pem/" + name));
  }

  static Path resource(String name) throws URISyntaxException {
    return Path.of(PemParserTest.class.getResource(name).toURI());
  }
}
