package io.scrapestream.ingest.scrape;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A {@code no_proxy} / {@code NO_PROXY} list with the meaning Go's {@code httpproxy} gives it:
 * comma-separated entries, {@code *} for every host, IP addresses and CIDR ranges, and domain names
 * matching themselves and their subdomains ({@code .example.com} and {@code *.example.com} only the
 * subdomains), each with an optional {@code :port}. {@code localhost} and loopback addresses never
 * go through the proxy.
 */
final class NoProxy {
  private record Entry(String host, String port, boolean matchHost, Optional<Cidr> cidr) {}

  private record Cidr(BigInteger network, int prefix, int bits) {
    boolean contains(byte[] address) {
      if (address.length * 8 != bits) {
        return false;
      }
      BigInteger value = new BigInteger(1, address);
      return value.shiftRight(bits - prefix).equals(network.shiftRight(bits - prefix));
    }
  }

  private final boolean all;
  private final List<Entry> entries;

  private NoProxy(boolean all, List<Entry> entries) {
    this.all = all;
    this.entries = entries;
  }

  static NoProxy parse(String list) {
    List<Entry> entries = new ArrayList<>();
    for (String raw : list.split(",")) {
      String entry = raw.strip().toLowerCase(Locale.ROOT);
      if (entry.equals("*")) {
        return new NoProxy(true, List.of());
      }
      if (!entry.isEmpty()) {
        entries.add(entry(entry));
      }
    }
    return new NoProxy(false, List.copyOf(entries));
  }

  /** Whether a request to {@code host:port} goes to its target directly. */
  boolean bypasses(String host, int port) {
    String h = host.toLowerCase(Locale.ROOT);
    if (h.startsWith("[") && h.endsWith("]")) {
      h = h.substring(1, h.length() - 1);
    }
    Optional<byte[]> ip = ipLiteral(h);
    if (h.equals("localhost") || ip.map(NoProxy::isLoopback).orElse(false) || all) {
      return true;
    }
    String p = String.valueOf(port);
    for (Entry e : entries) {
      boolean portMatches = e.port.isEmpty() || e.port.equals(p);
      if (e.cidr.isPresent()) {
        if (ip.isPresent() && e.cidr.get().contains(ip.get())) {
          return true;
        }
      } else if (ipLiteral(e.host).isPresent()) {
        if (ip.isPresent() && sameIp(e.host, h) && portMatches) {
          return true;
        }
      } else if ((h.endsWith(e.host) || (e.matchHost && h.equals(e.host.substring(1))))
          && portMatches) {
        return true;
      }
    }
    return false;
  }

  private static Entry entry(String text) {
    Optional<Cidr> cidr = cidr(text);
    if (cidr.isPresent()) {
      return new Entry(text, "", false, cidr);
    }
    String host = text;
    String port = "";
    int colon = text.lastIndexOf(':');
    boolean bracketed = text.startsWith("[");
    if (colon > 0 && (bracketed ? text.indexOf(']') == colon - 1 : text.indexOf(':') == colon)) {
      host = text.substring(bracketed ? 1 : 0, bracketed ? colon - 1 : colon);
      port = text.substring(colon + 1);
    }
    if (ipLiteral(host).isPresent()) {
      return new Entry(host, port, false, Optional.empty());
    }
    if (host.startsWith("*.")) {
      host = host.substring(1);
    }
    boolean matchHost = !host.startsWith(".");
    return new Entry(matchHost ? "." + host : host, port, matchHost, Optional.empty());
  }

  private static Optional<Cidr> cidr(String text) {
    int slash = text.indexOf('/');
    if (slash < 0) {
      return Optional.empty();
    }
    Optional<byte[]> address = ipLiteral(text.substring(0, slash));
    try {
      int prefix = Integer.parseInt(text.substring(slash + 1));
      return address
          .filter(a -> prefix >= 0 && prefix <= a.length * 8)
          .map(a -> new Cidr(new BigInteger(1, a), prefix, a.length * 8));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** The address of an IP literal; never a DNS lookup. */
  static Optional<byte[]> ipLiteral(String text) {
    boolean v4 = text.matches("[0-9]{1,3}(\\.[0-9]{1,3}){3}");
    boolean v6 = text.contains(":") && text.matches("[0-9a-fA-F:.%a-zA-Z]+");
    if (!v4 && !v6) {
      return Optional.empty();
    }
    try {
      return Optional.of(InetAddress.getByName(text).getAddress());
    } catch (UnknownHostException e) {
      return Optional.empty();
    }
  }

  private static boolean isLoopback(byte[] address) {
    try {
      return InetAddress.getByAddress(address).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  private static boolean sameIp(String a, String b) {
    return java.util.Arrays.equals(ipLiteral(a).orElse(null), ipLiteral(b).orElse(null));
  }
}
