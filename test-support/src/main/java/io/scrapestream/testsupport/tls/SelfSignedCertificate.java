package io.scrapestream.testsupport.tls;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A self-signed RSA certificate for 127.0.0.1 and localhost, made at test time with the JDK's
 * {@code keytool}, written as PEM files: the certificate and its unencrypted PKCS#8 private key.
 *
 * @param certFile PEM certificate ({@code -----BEGIN CERTIFICATE-----})
 * @param keyFile PEM PKCS#8 private key ({@code -----BEGIN PRIVATE KEY-----})
 */
public record SelfSignedCertificate(Path certFile, Path keyFile) {
  private static final char[] STORE_PASSWORD = "changeit".toCharArray();

  /** Generates {@code <name>.crt} and {@code <name>.key} in {@code dir}. */
  public static SelfSignedCertificate generate(Path dir, String name)
      throws IOException, InterruptedException, GeneralSecurityException {
    Path store = dir.resolve(name + ".p12");
    runKeytool(store, name);
    KeyStore keyStore = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(store)) {
      keyStore.load(in, STORE_PASSWORD);
    }
    Certificate cert = keyStore.getCertificate(name);
    PrivateKey key = (PrivateKey) keyStore.getKey(name, STORE_PASSWORD);
    Path certFile =
        Files.writeString(dir.resolve(name + ".crt"), pem("CERTIFICATE", cert.getEncoded()));
    Path keyFile =
        Files.writeString(dir.resolve(name + ".key"), pem("PRIVATE KEY", key.getEncoded()));
    return new SelfSignedCertificate(certFile, keyFile);
  }

  /** The certificate's PEM text. */
  public String certificatePem() throws IOException {
    return Files.readString(certFile);
  }

  /** The private key's PEM text. */
  public String privateKeyPem() throws IOException {
    return Files.readString(keyFile);
  }

  private static void runKeytool(Path store, String name) throws IOException, InterruptedException {
    Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
    String password = new String(STORE_PASSWORD);
    List<String> command = new ArrayList<>(List.of(keytool.toString(), "-genkeypair"));
    command.addAll(List.of("-alias", name, "-dname", "CN=" + name, "-validity", "2"));
    command.addAll(List.of("-keyalg", "RSA", "-keysize", "2048"));
    command.addAll(List.of("-ext", "SAN=ip:127.0.0.1,dns:localhost", "-storetype", "PKCS12"));
    command.addAll(List.of("-keystore", store.toString(), "-storepass", password));
    command.addAll(List.of("-keypass", password));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    byte[] output = process.getInputStream().readAllBytes();
    if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new IOException(
          "keytool failed for " + name + ": " + new String(output, StandardCharsets.UTF_8));
    }
  }

  private static String pem(String type, byte[] der) {
    String body =
        Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
    return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
  }
}
