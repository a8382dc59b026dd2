package io.scrapestream.core.config;

/**
 * The {@code telemetry} section: where {@code /metrics}, {@code /healthz} and {@code /readyz}
 * listen. The host is a name, an IPv4 address or an IPv6 address without brackets; port 0 means any
 * free port.
 */
public record TelemetrySettings(String host, int port) {
  public static final String DEFAULT_HOST = "0.0.0.0";
  public static final int DEFAULT_PORT = 9464;

  public TelemetrySettings {
    ConfigRules.require("host", host, ConfigRules.NOT_EMPTY);
    String address = new HostPort(host, port).toString();
    ConfigRules.require("listenAddress", address, ConfigRules.LISTEN_ADDRESS);
  }

  /** {@code 0.0.0.0:9464}. */
  public static TelemetrySettings defaults() {
    return new TelemetrySettings(DEFAULT_HOST, DEFAULT_PORT);
  }

  /** The address as {@code host:port}, with brackets around an IPv6 host. */
  public String listenAddress() {
    return new HostPort(host, port).toString();
  }
}
