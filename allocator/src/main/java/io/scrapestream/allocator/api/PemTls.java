package io.scrapestream.allocator.api;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Optional;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

/**
 * TLS material from PEM files: a certificate chain with its PKCS#8 private key (RSA or EC), and CA
 * certificates to trust.
 */
public final class PemTls {
  private static final char[] NO_PASSWORD = new char[0];

  private PemTls() {}

  /** A context presenting {@code cert} and, when {@code ca} is set, trusting only that CA. */
  public static SSLContext context(Path cert, Path key, Optional<Path> ca)
      throws IOException, GeneralSecurityException {
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(keyManagers(cert, key), ca.isPresent() ? trustManagers(ca.get()) : null, null);
    return context;
  }

  public static KeyManager[] keyManagers(Path cert, Path key)
      throws IOException, GeneralSecurityException {
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    Certificate[] chain = certificates(cert);
    store.setKeyEntry("key", privateKey(key), NO_PASSWORD, chain);
    KeyManagerFactory factory =
        KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    factory.init(store, NO_PASSWORD);
    return factory.getKeyManagers();
  }

  public static TrustManager[] trustManagers(Path ca) throws IOException, GeneralSecurityException {
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    Certificate[] certificates = certificates(ca);
    for (int i = 0; i < certificates.length; i++) {
      store.setCertificateEntry("ca-" + i, certificates[i]);
    }
    TrustManagerFactory factory =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init(store);
    return factory.getTrustManagers();
  }

  private static Certificate[] certificates(Path file)
      throws IOException, GeneralSecurityException {
    byte[] pem = Files.readAllBytes(file);
    Certificate[] certificates =
        CertificateFactory.getInstance("X.509")
            .generateCertificates(new ByteArrayInputStream(pem))
            .toArray(Certificate[]::new);
    if (certificates.length == 0) {
      throw new GeneralSecurityException(file + " holds no PEM certificate");
    }
    return certificates;
  }

  private static PrivateKey privateKey(Path file) throws IOException, GeneralSecurityException {
    String pem = Files.readString(file);
    int begin = pem.indexOf("-----BEGIN PRIVATE KEY-----");
    int end = pem.indexOf("-----END PRIVATE KEY-----");
    if (begin < 0 || end < begin) {
      throw new GeneralSecurityException(
          file + " must hold a PKCS#8 key (-----BEGIN PRIVATE KEY-----)");
    }
    String base64 = pem.substring(begin + 27, end).replaceAll("\\s", "");
    PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64));
    for (String algorithm : new String[] {"RSA", "EC", "Ed25519"}) {
      try {
        return KeyFactory.getInstance(algorithm).generatePrivate(spec);
      } catch (InvalidKeySpecException e) {
        // Try the next algorithm.
      }
    }
    throw new GeneralSecurityException(file + " holds a key that is not RSA, EC or Ed25519");
  }
}
