package io.scrapestream.ingest.scrape.http;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a connection goes: scheme, host and port of the target and the HTTP proxy it passes, if
 * any. Connections are pooled by origin.
 *
 * @param host a name or an IP literal (IPv6 without brackets)
 */
public record Origin(String scheme, String host, int port, Optional<HttpProxy> proxy) {
  public Origin {
    Objects.requireNonNull(scheme, "scheme");
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(proxy, "proxy");
    scheme = scheme.toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new IllegalArgumentException("scheme must be http or https. Found: " + scheme);
    }
    if (host.isEmpty()) {
      throw new IllegalArgumentException("host must not be empty");
    }
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("port must be within 1..65535. Found: " + port);
    }
  }

  boolean tls() {
    return scheme.equals("https");
  }

  /** {@code host:port} as the Host header and CONNECT write it (IPv6 in brackets). */
  String authority() {
    String name = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
    return name + ":" + port;
  }

  /** The Host header: the port only when it is not the scheme's default. */
  String hostHeader() {
    boolean defaultPort = port == (tls() ? 443 : 80);
    String name = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
    return defaultPort ? name : name + ":" + port;
  }
}
