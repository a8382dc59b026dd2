package io.scrapestream.core.config;

import java.util.Arrays;
import java.util.List;

/** The record types {@code dns_sd_configs} queries, as in Prometheus. */
public enum DnsRecordType {
  SRV,
  A,
  AAAA,
  MX,
  NS;

  /** Every type but SRV takes the port from the configuration. */
  public boolean needsPort() {
    return this != SRV;
  }

  static List<String> names() {
    return Arrays.stream(values()).map(Enum::name).toList();
  }
}
