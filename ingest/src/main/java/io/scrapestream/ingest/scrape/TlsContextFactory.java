package io.scrapestream.ingest.scrape;

import io.scrapestream.core.config.SecretSource;
import io.scrapestream.core.config.TlsSettings;
import io.scrapestream.core.config.TlsVersion;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Builds the {@link SSLContext} of a job's {@code tls_config} from PEM text read at scrape time,
 * with Prometheus's error texts ({@code unable to use specified CA cert file /ca.pem: ...}).
 */
final class TlsContextFactory {
  private static final char[] STORE_PASSWORD = "scrapestream".toCharArray();

  private TlsContextFactory() {}

  /** The PEM text of one scrape; equal material gives an equal context. Never printed. */
  record Material(Optional<String> ca, Optional<String> cert, Optional<String> key) {
    @Override
    public String toString() {
      return "Material[<pem>]";
    }
  }

  /** Reads the CA, certificate and key, from files where configured so. */
  static Material read(TlsSettings tls) throws ScrapeException {
    return new Material(
        read(tls.ca(), "unable to read CA cert"),
        read(tls.cert(), "unable to read specified client cert"),
        read(tls.key(), "unable to read specified client key"));
  }

  /** The JDK protocol names from {@code min_version} (default TLS12) to {@code max_version}. */
  static String[] protocols(TlsSettings tls) {
    TlsVersion min = tls.minVersion().orElse(TlsVersion.TLS12);
    TlsVersion max = tls.maxVersion().orElse(TlsVersion.TLS13);
    return List.of(TlsVersion.values()).stream()
        .filter(v -> v.compareTo(min) >= 0 && v.compareTo(max) <= 0)
        .map(TlsVersion::jdkName)
        .toArray(String[]::new);
  }

  static SSLContext build(TlsSettings tls, Material material) throws ScrapeException {
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keyManagers(tls, material), new TrustManager[] {trust(tls, material)}, null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new ScrapeException("unable to set up TLS: " + e.getMessage());
    }
  }

  private static TrustManager trust(TlsSettings tls, Material material)
      throws GeneralSecurityException, ScrapeException {
    if (tls.insecureSkipVerify()) {
      return ServerNameTrustManager.insecure();
    }
    KeyStore roots = null;
    if (material.ca().isPresent()) {
      roots = emptyStore();
      List<X509Certificate> cas = parse(material.ca().get(), tls.ca().get());
      for (int i = 0; i < cas.size(); i++) {
        roots.setCertificateEntry("ca-" + i, cas.get(i));
      }
    }
    TrustManagerFactory factory =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init(roots);
    X509ExtendedTrustManager pkix = (X509ExtendedTrustManager) factory.getTrustManagers()[0];
    return tls.serverName().isPresent()
        ? ServerNameTrustManager.verifying(pkix, tls.serverName().get())
        : pkix;
  }

  private static KeyManager[] keyManagers(TlsSettings tls, Material material)
      throws GeneralSecurityException, ScrapeException {
    if (material.cert().isEmpty() || material.key().isEmpty()) {
      return null;
    }
    List<X509Certificate> chain;
    PrivateKey key;
    try {
      chain = PemParser.certificates(material.cert().get());
      key = PemParser.privateKey(material.key().get());
      requireMatch(chain.get(0), key);
    } catch (GeneralSecurityException e) {
      throw new ScrapeException(
          "unable to use specified client cert ("
              + tls.cert().get().description()
              + ") & key ("
              + tls.key().get().description()
              + "): "
              + e.getMessage());
    }
    KeyStore store = emptyStore();
    store.setKeyEntry("client", key, STORE_PASSWORD, chain.toArray(new Certificate[0]));
    KeyManagerFactory factory =
        KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    factory.init(store, STORE_PASSWORD);
    return factory.getKeyManagers();
  }

  /** Go's {@code tls.X509KeyPair} refuses a key that does not belong to the certificate. */
  private static void requireMatch(X509Certificate certificate, PrivateKey key)
      throws GeneralSecurityException {
    String algorithm =
        switch (key.getAlgorithm()) {
          case "RSA" -> "SHA256withRSA";
          case "EC" -> "SHA256withECDSA";
          default -> "Ed25519";
        };
    byte[] probe = "scrapestream key pair check".getBytes(StandardCharsets.US_ASCII);
    Signature signer = Signature.getInstance(algorithm);
    signer.initSign(key);
    signer.update(probe);
    byte[] signature = signer.sign();
    Signature verifier = Signature.getInstance(algorithm);
    verifier.initVerify(certificate.getPublicKey());
    verifier.update(probe);
    if (!verifier.verify(signature)) {
      throw new GeneralSecurityException("private key does not match public key");
    }
  }

  private static List<X509Certificate> parse(String pem, SecretSource source)
      throws ScrapeException {
    try {
      return PemParser.certificates(pem);
    } catch (GeneralSecurityException e) {
      throw new ScrapeException(
          "unable to use specified CA cert " + source.description() + ": " + e.getMessage());
    }
  }

  private static KeyStore emptyStore() throws GeneralSecurityException {
    KeyStore store = KeyStore.getInstance("PKCS12");
    try {
      store.load(null, null);
    } catch (IOException e) {
      throw new GeneralSecurityException("cannot create an in-memory key store", e);
    }
    return store;
  }

  private static Optional<String> read(Optional<SecretSource> source, String what)
      throws ScrapeException {
    if (source.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(ScrapeErrors.readSecret(source.get(), what));
  }
}
