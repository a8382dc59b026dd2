package io.scrapestream.ingest.scrape;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * Checks that a server certificate is valid for a name the way Go's {@code
 * x509.Certificate.VerifyHostname} does: IP literals against IP SANs, other names against DNS SANs
 * (case-insensitive, trailing dot ignored, {@code *.} matching one whole left-most label), never
 * the legacy Common Name.
 */
final class HostnameMatcher {
  private static final int DNS_NAME = 2;
  private static final int IP_ADDRESS = 7;

  private HostnameMatcher() {}

  static void verify(X509Certificate certificate, String name) throws CertificateException {
    boolean ip = isIpLiteral(name);
    List<String> candidates = new ArrayList<>();
    for (List<?> san : subjectAltNames(certificate)) {
      int type = (Integer) san.get(0);
      if (type == (ip ? IP_ADDRESS : DNS_NAME)) {
        candidates.add(String.valueOf(san.get(1)));
      }
    }
    for (String candidate : candidates) {
      if (ip ? sameAddress(candidate, name) : matches(candidate, name)) {
        return;
      }
    }
    if (candidates.isEmpty()) {
      throw new CertificateException(
          "x509: certificate is not valid for any "
              + (ip ? "IP address" : "name")
              + ", not "
              + name);
    }
    throw new CertificateException(
        "x509: certificate is valid for " + String.join(", ", candidates) + ", not " + name);
  }

  static boolean matches(String pattern, String host) {
    String p = normalize(pattern);
    String h = normalize(host);
    if (!p.startsWith("*.")) {
      return p.equals(h);
    }
    int dot = h.indexOf('.');
    return dot > 0 && h.substring(dot).equals(p.substring(1));
  }

  private static String normalize(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
  }

  private static boolean isIpLiteral(String name) {
    return name.contains(":") || name.matches("[0-9]{1,3}(\\.[0-9]{1,3}){3}");
  }

  private static boolean sameAddress(String a, String b) {
    try {
      return InetAddress.getByName(a).equals(InetAddress.getByName(stripBrackets(b)));
    } catch (UnknownHostException e) {
      return false;
    }
  }

  private static String stripBrackets(String ip) {
    return ip.startsWith("[") && ip.endsWith("]") ? ip.substring(1, ip.length() - 1) : ip;
  }

  private static Collection<List<?>> subjectAltNames(X509Certificate certificate)
      throws CertificateParsingException {
    Collection<List<?>> sans = certificate.getSubjectAlternativeNames();
    return sans == null ? List.of() : sans;
  }
}
