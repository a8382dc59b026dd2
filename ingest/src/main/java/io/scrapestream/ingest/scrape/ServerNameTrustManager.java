package io.scrapestream.ingest.scrape;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Verifies a target's certificate chain with the configured roots and its name against {@code
 * server_name} (Go's {@code tls.Config.ServerName}), whatever host the URL names. Being an {@link
 * X509ExtendedTrustManager}, it takes over JSSE's own host name check. With {@code insecure} it
 * accepts any certificate ({@code insecure_skip_verify}).
 */
final class ServerNameTrustManager extends X509ExtendedTrustManager {
  private static final X509Certificate[] NO_ISSUERS = new X509Certificate[0];

  private final X509ExtendedTrustManager roots;
  private final String serverName;
  private final boolean insecure;

  private ServerNameTrustManager(
      X509ExtendedTrustManager roots, String serverName, boolean insecure) {
    this.roots = roots;
    this.serverName = serverName;
    this.insecure = insecure;
  }

  /** Checks the chain with {@code roots} and the leaf's names against {@code serverName}. */
  static ServerNameTrustManager verifying(X509ExtendedTrustManager roots, String serverName) {
    return new ServerNameTrustManager(roots, serverName, false);
  }

  /** Accepts every server certificate. */
  static ServerNameTrustManager insecure() {
    return new ServerNameTrustManager(null, "", true);
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType)
      throws CertificateException {
    if (insecure) {
      return;
    }
    roots.checkServerTrusted(chain, authType);
    HostnameMatcher.verify(chain[0], serverName);
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
      throws CertificateException {
    checkServerTrusted(chain, authType);
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
      throws CertificateException {
    checkServerTrusted(chain, authType);
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType)
      throws CertificateException {
    throw new CertificateException("a scrape client does not verify clients");
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
      throws CertificateException {
    checkClientTrusted(chain, authType);
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
      throws CertificateException {
    checkClientTrusted(chain, authType);
  }

  @Override
  public X509Certificate[] getAcceptedIssuers() {
    return insecure ? NO_ISSUERS : roots.getAcceptedIssuers();
  }
}
