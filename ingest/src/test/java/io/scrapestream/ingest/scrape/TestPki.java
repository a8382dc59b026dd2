package io.scrapestream.ingest.scrape;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Key;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A CA, a server certificate (RSA, names {@code scrape.test} and {@code localhost}) and a client
 * certificate (EC, {@code CN=scrape-client}) made at test time with the JDK's {@code keytool}, once
 * per test JVM; private keys are exported as PKCS#8 PEM for {@code tls_config}.
 */
final class TestPki {
  static final char[] PASSWORD = "changeit".toCharArray();
  private static TestPki instance;

  final Path dir;
  final Path caPem;
  final Path otherCaPem;
  final Path clientCertPem;
  final Path clientKeyPem;
  final Path serverStore;
  final Path caStore;

  private TestPki(Path dir) {
    this.dir = dir;
    this.caPem = dir.resolve("ca.pem");
    this.otherCaPem = dir.resolve("other-ca.pem");
    this.clientCertPem = dir.resolve("client.pem");
    this.clientKeyPem = dir.resolve("client-key.pem");
    this.serverStore = dir.resolve("server.p12");
    this.caStore = dir.resolve("ca.p12");
  }

  static synchronized TestPki get() throws Exception {
    if (instance == null) {
      TestPki pki = new TestPki(Files.createTempDirectory("scrape-pki-"));
      pki.generate();
      instance = pki;
    }
    return instance;
  }

  /** The server's TLS context; with {@code trustClients}, it can verify client certificates. */
  SSLContext serverContext() throws Exception {
    KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    keys.init(load(serverStore), PASSWORD);
    TrustManagerFactory trust =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(load(caStore));
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(keys.getKeyManagers(), trust.getTrustManagers(), null);
    return context;
  }

  private void generate() throws Exception {
    keytool(
        "-genkeypair",
        "-alias",
        "ca",
        "-keyalg",
        "RSA",
        "-keysize",
        "2048",
        "-dname",
        "CN=scrape-test-ca",
        "-ext",
        "bc:c",
        "-validity",
        "3",
        "-keystore",
        "ca.p12");
    keytool("-exportcert", "-rfc", "-alias", "ca", "-keystore", "ca.p12", "-file", "ca.pem");
    keytool(
        "-genkeypair",
        "-alias",
        "other",
        "-keyalg",
        "RSA",
        "-keysize",
        "2048",
        "-dname",
        "CN=other-ca",
        "-ext",
        "bc:c",
        "-validity",
        "3",
        "-keystore",
        "other.p12");
    keytool(
        "-exportcert",
        "-rfc",
        "-alias",
        "other",
        "-keystore",
        "other.p12",
        "-file",
        "other-ca.pem");
    signed("server", "RSA", "CN=scrape.test", "SAN=dns:scrape.test,dns:localhost");
    signed("client", "EC", "CN=scrape-client", "EKU=clientAuth");
    exportKey("client.p12", "client", clientKeyPem);
    Files.writeString(
        clientCertPem, Files.readString(dir.resolve("client.crt")) + Files.readString(caPem));
  }

  private void signed(String name, String algorithm, String dname, String extension)
      throws Exception {
    String store = name + ".p12";
    keytool(
        "-genkeypair",
        "-alias",
        name,
        "-keyalg",
        algorithm,
        "-dname",
        dname,
        "-validity",
        "3",
        "-keystore",
        store);
    keytool("-certreq", "-alias", name, "-keystore", store, "-file", name + ".csr");
    keytool(
        "-gencert",
        "-rfc",
        "-alias",
        "ca",
        "-keystore",
        "ca.p12",
        "-infile",
        name + ".csr",
        "-outfile",
        name + ".crt",
        "-ext",
        extension,
        "-validity",
        "3");
    keytool("-importcert", "-noprompt", "-alias", "ca", "-file", "ca.pem", "-keystore", store);
    keytool("-importcert", "-alias", name, "-file", name + ".crt", "-keystore", store);
  }

  private void exportKey(String store, String alias, Path pem) throws Exception {
    Key key = load(dir.resolve(store)).getKey(alias, PASSWORD);
    String base64 =
        Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
            .encodeToString(key.getEncoded());
    Files.writeString(
        pem, "-----BEGIN PRIVATE KEY-----\n" + base64 + "\n-----END PRIVATE KEY-----\n");
  }

  private static KeyStore load(Path file) throws Exception {
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(file)) {
      store.load(in, PASSWORD);
    }
    return store;
  }

  private void keytool(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
    command.addAll(List.of(args));
    command.addAll(List.of("-storetype", "PKCS12", "-storepass", "changeit"));
    Process process =
        new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new IllegalStateException("keytool " + String.join(" ", args) + " failed: " + output);
    }
  }
}
