package io.scrapestream.core.config;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A {@code host:port} address as written in targets and listen addresses. The host is a DNS name,
 * an IPv4 address or a bracketed IPv6 address ({@code [::1]:9100}); {@link #host()} holds an IPv6
 * address without its brackets. Parsing is pure: nothing is resolved.
 */
record HostPort(String host, int port) {
  private static final Pattern DNS_LABEL =
      Pattern.compile("[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?");
  private static final Pattern NUMERIC = Pattern.compile("[0-9.]+");
  private static final Pattern OCTET = Pattern.compile("[0-9]{1,3}");
  private static final Pattern HEX_GROUP = Pattern.compile("[0-9A-Fa-f]{1,4}");
  private static final Pattern ZONE = Pattern.compile("[A-Za-z0-9_.-]+");

  HostPort {
    if (host == null || host.isEmpty() || port < 0 || port > 65535) {
      throw new IllegalArgumentException(
          "host:port needs a host and a port in 0..65535. Found: " + host + " and " + port);
    }
  }

  /** Parses {@code host:port} with a port in 0..65535, or returns empty. */
  static Optional<HostPort> parse(String text) {
    boolean bracketed = text.startsWith("[");
    int colon = bracketed ? text.indexOf("]:") + 1 : text.lastIndexOf(':');
    if (colon <= 0) {
      return Optional.empty();
    }
    String host = bracketed ? text.substring(1, colon - 1) : text.substring(0, colon);
    boolean validHost = bracketed ? isIpv6(host) : isDnsName(host) || isIpv4(host);
    int port = port(text.substring(colon + 1));
    return validHost && port >= 0 ? Optional.of(new HostPort(host, port)) : Optional.empty();
  }

  /** The address as written, with brackets around an IPv6 host. */
  @Override
  public String toString() {
    return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
  }

  static boolean isDnsName(String host) {
    if (host.isEmpty() || host.length() > 253 || NUMERIC.matcher(host).matches()) {
      return false;
    }
    for (String label : host.split("\\.", -1)) {
      if (!DNS_LABEL.matcher(label).matches()) {
        return false;
      }
    }
    return true;
  }

  static boolean isIpv4(String host) {
    String[] octets = host.split("\\.", -1);
    if (octets.length != 4) {
      return false;
    }
    for (String octet : octets) {
      if (!OCTET.matcher(octet).matches() || Integer.parseInt(octet) > 255) {
        return false;
      }
    }
    return true;
  }

  /** An IPv6 address in any RFC 4291 text form, optionally with a zone ({@code %eth0}). */
  static boolean isIpv6(String host) {
    int percent = host.indexOf('%');
    if (percent >= 0 && !ZONE.matcher(host.substring(percent + 1)).matches()) {
      return false;
    }
    String address = percent >= 0 ? host.substring(0, percent) : host;
    if (address.contains(".")) {
      int lastColon = address.lastIndexOf(':');
      if (lastColon < 0 || !isIpv4(address.substring(lastColon + 1))) {
        return false;
      }
      address = address.substring(0, lastColon + 1) + "0:0";
    }
    return hasEightGroups(address);
  }

  /** Eight hex groups, or fewer with exactly one {@code ::} standing for the missing ones. */
  private static boolean hasEightGroups(String address) {
    int gap = address.indexOf("::");
    if (gap < 0) {
      return hexGroups(address) == 8;
    }
    if (gap != address.lastIndexOf("::")) {
      return false;
    }
    int left = hexGroups(address.substring(0, gap));
    int right = hexGroups(address.substring(gap + 2));
    return left >= 0 && right >= 0 && left + right <= 7;
  }

  private static int hexGroups(String part) {
    if (part.isEmpty()) {
      return 0;
    }
    String[] groups = part.split(":", -1);
    for (String group : groups) {
      if (!HEX_GROUP.matcher(group).matches()) {
        return -1;
      }
    }
    return groups.length;
  }

  private static int port(String text) {
    if (text.isEmpty() || text.length() > 5 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return -1;
    }
    int port = Integer.parseInt(text);
    return port <= 65535 ? port : -1;
  }
}
