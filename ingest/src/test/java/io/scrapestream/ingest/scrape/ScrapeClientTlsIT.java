package io.scrapestream.ingest.scrape;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsExchange;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import io.scrapestream.core.config.HttpAuth;
import io.scrapestream.core.config.ProxySettings;
import io.scrapestream.core.config.ScrapeHttpConfig;
import io.scrapestream.core.config.SecretSource;
import io.scrapestream.core.config.TlsSettings;
import io.scrapestream.core.config.TlsVersion;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * TLS against a JDK {@code HttpsServer} whose certificates {@link TestPki} makes with keytool: CA
 * verification, {@code server_name} (name check and SNI), mutual TLS, skipping verification, a
 * rotated CA file and the version range.
 */
@Timeout(180)
class ScrapeClientTlsIT {
  private final List<String> seen = new CopyOnWriteArrayList<>();
  private HttpsServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop(0);
    }
  }

  @Test
  void shouldVerifyTargetWhenCaFileIsGiven() throws Exception {
    URI url = start(false, "localhost");

    assertThat(fetch(tls(ca(), Optional.empty()), url).status()).isEqualTo(200);
    assertThat(seen).containsExactly("sni=localhost peer=none");
  }

  @Test
  void shouldFailWhenTargetCaIsNotTrusted() throws Exception {
    URI url = start(false, "localhost");

    assertThatThrownBy(() -> fetch(ScrapeHttpConfig.DEFAULT, url))
        .hasMessage(
            "Get \""
                + url
                + "\": TLS handshake failed: PKIX path building failed:"
                + " sun.security.provider.certpath.SunCertPathBuilderException: unable to find"
                + " valid certification path to requested target");
  }

  @Test
  void shouldCheckServerNameAndSendItAsSniWhenUrlHostIsAnIp() throws Exception {
    URI url = start(false, "127.0.0.1");

    assertThat(fetch(tls(ca(), Optional.of("scrape.test")), url).status()).isEqualTo(200);
    assertThat(seen).containsExactly("sni=scrape.test peer=none");
  }

  @Test
  void shouldSendServerNameAsSniWhenUrlNamesAnotherHost() throws Exception {
    URI url = start(false, "localhost");

    fetch(tls(ca(), Optional.of("scrape.test")), url);

    assertThat(seen).containsExactly("sni=scrape.test peer=none");
  }

  @Test
  void shouldFailWhenCertificateDoesNotNameServerName() throws Exception {
    URI url = start(false, "127.0.0.1");

    assertThatThrownBy(() -> fetch(tls(ca(), Optional.of("wrong.test")), url))
        .hasMessage(
            "Get \""
                + url
                + "\": TLS handshake failed: x509: certificate is valid for"
                + " scrape.test, localhost, not wrong.test");
  }

  @Test
  void shouldPresentClientCertificateWhenTargetRequiresOne() throws Exception {
    URI url = start(true, "localhost");
    TestPki pki = TestPki.get();
    TlsSettings mutual =
        new TlsSettings(
            ca(),
            Optional.of(SecretSource.file(pki.clientCertPem.toString())),
            Optional.of(SecretSource.file(pki.clientKeyPem.toString())),
            Optional.empty(),
            false,
            Optional.empty(),
            Optional.empty());

    assertThat(fetch(http(mutual), url).status()).isEqualTo(200);
    assertThat(seen).containsExactly("sni=localhost peer=CN=scrape-client");
  }

  /** TLS 1.2, where the server refuses during the handshake (1.3 refuses after it, racing). */
  @Test
  void shouldFailWhenTargetRequiresClientCertificateAndNoneIsConfigured() throws Exception {
    URI url = start(true, "localhost");
    TlsSettings noClientCert = settings(ca(), Optional.empty(), false, TlsVersion.TLS12);

    assertThatThrownBy(() -> fetch(http(noClientCert), url))
        .isInstanceOf(ScrapeException.class)
        .hasMessage(
            "Get \"" + url + "\": TLS handshake failed: Remote host terminated the handshake");
    assertThat(seen).isEmpty();
  }

  @Test
  void shouldAcceptAnyCertificateWhenVerificationIsSkipped() throws Exception {
    URI url = start(false, "127.0.0.1");
    TlsSettings insecure = settings(Optional.empty(), Optional.empty(), true, TlsVersion.TLS13);

    assertThat(fetch(http(insecure), url).status()).isEqualTo(200);
  }

  @Test
  void shouldUseRotatedCaWhenCaFileChangesBetweenScrapes(@TempDir Path dir) throws Exception {
    URI url = start(false, "localhost");
    TestPki pki = TestPki.get();
    Path caFile = dir.resolve("ca.pem");
    Files.copy(pki.otherCaPem, caFile);
    ScrapeClient client =
        new ScrapeClient(
            tls(Optional.of(SecretSource.file(caFile.toString())), Optional.empty()),
            "test",
            Map.of());

    assertThatThrownBy(() -> client.fetch(ScrapeClientHttpIT.request(url)))
        .hasMessageContaining("PKIX path building failed");
    Files.copy(pki.caPem, caFile, java.nio.file.StandardCopyOption.REPLACE_EXISTING);

    assertThat(client.fetch(ScrapeClientHttpIT.request(url)).status()).isEqualTo(200);
  }

  @Test
  void shouldNegotiateAtMostMaxVersionWhenOneIsSet() throws Exception {
    URI url = start(false, "localhost");
    TlsSettings tls12 = settings(ca(), Optional.empty(), false, TlsVersion.TLS12);
    List<String> protocols = new CopyOnWriteArrayList<>();
    server.createContext(
        "/version",
        exchange -> {
          protocols.add(((HttpsExchange) exchange).getSSLSession().getProtocol());
          TestServers.respond(exchange, "text/plain", "a 1\n".getBytes(StandardCharsets.UTF_8));
        });

    fetch(http(tls12), url.resolve("/version"));

    assertThat(protocols).containsExactly("TLSv1.2");
  }

  private URI start(boolean needClientAuth, String host) throws Exception {
    TestPki pki = TestPki.get();
    server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setHttpsConfigurator(
        new HttpsConfigurator(pki.serverContext()) {
          @Override
          public void configure(HttpsParameters params) {
            SSLParameters parameters = getSSLContext().getDefaultSSLParameters();
            parameters.setNeedClientAuth(needClientAuth);
            params.setSSLParameters(parameters);
          }
        });
    server.createContext(
        "/metrics",
        exchange -> {
          seen.add(describe(((HttpsExchange) exchange).getSSLSession()));
          TestServers.respond(exchange, "text/plain", "a 1\n".getBytes(StandardCharsets.UTF_8));
        });
    server.start();
    return URI.create("https://" + host + ":" + server.getAddress().getPort() + "/metrics");
  }

  private static String describe(SSLSession session) {
    String sni =
        ((ExtendedSSLSession) session)
            .getRequestedServerNames().stream()
                .map(name -> ((SNIHostName) name).getAsciiName())
                .findFirst()
                .orElse("none");
    String peer;
    try {
      peer = session.getPeerPrincipal().getName();
    } catch (javax.net.ssl.SSLPeerUnverifiedException e) {
      peer = "none";
    }
    return "sni=" + sni + " peer=" + peer;
  }

  private static Optional<SecretSource> ca() throws Exception {
    return Optional.of(SecretSource.file(TestPki.get().caPem.toString()));
  }

  private static TlsSettings settings(
      Optional<SecretSource> ca, Optional<String> serverName, boolean insecure, TlsVersion max) {
    return new TlsSettings(
        ca,
        Optional.empty(),
        Optional.empty(),
        serverName,
        insecure,
        Optional.empty(),
        Optional.of(max));
  }

  private static ScrapeHttpConfig tls(Optional<SecretSource> ca, Optional<String> serverName) {
    return http(settings(ca, serverName, false, TlsVersion.TLS13));
  }

  private static ScrapeHttpConfig http(TlsSettings tls) {
    return new ScrapeHttpConfig(HttpAuth.NONE, tls, ProxySettings.NONE, true, true, true);
  }

  private static ScrapeClient.Response fetch(ScrapeHttpConfig http, URI url) throws Exception {
    return new ScrapeClient(http, "test", Map.of()).fetch(ScrapeClientHttpIT.request(url));
  }
}
