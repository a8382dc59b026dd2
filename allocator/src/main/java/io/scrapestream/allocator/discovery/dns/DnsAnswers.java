package io.scrapestream.allocator.discovery.dns;

import io.scrapestream.allocator.discovery.TargetGroup;
import java.net.Inet6Address;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.NSRecord;
import org.xbill.DNS.Record;
import org.xbill.DNS.SRVRecord;

/**
 * Turns the answer records of one name into its target group exactly as Prometheus's DNS discovery
 * does: every target has {@code __address__}, {@code __meta_dns_name} and the four record labels
 * (empty where they do not apply); record targets keep their final dot in the labels and lose it in
 * the address. Records of other types (CNAME) are skipped. Pure.
 */
final class DnsAnswers {
  static final String NAME = "__meta_dns_name";
  static final String SRV_TARGET = "__meta_dns_srv_record_target";
  static final String SRV_PORT = "__meta_dns_srv_record_port";
  static final String MX_TARGET = "__meta_dns_mx_record_target";
  static final String NS_TARGET = "__meta_dns_ns_record_target";

  private DnsAnswers() {}

  static TargetGroup group(String name, List<Record> answers, int port) {
    List<Map<String, String>> targets = new ArrayList<>();
    for (Record record : answers) {
      Map<String, String> labels = new TreeMap<>();
      labels.put(NAME, name);
      labels.put(SRV_TARGET, "");
      labels.put(SRV_PORT, "");
      labels.put(MX_TARGET, "");
      labels.put(NS_TARGET, "");
      String address = address(record, port, labels);
      if (address != null) {
        labels.put("__address__", address);
        targets.add(labels);
      }
    }
    return new TargetGroup(name, targets, Map.of());
  }

  private static String address(Record record, int port, Map<String, String> labels) {
    if (record instanceof SRVRecord srv) {
      labels.put(SRV_TARGET, srv.getTarget().toString());
      labels.put(SRV_PORT, Integer.toString(srv.getPort()));
      return join(trimDot(srv.getTarget().toString()), srv.getPort());
    }
    if (record instanceof MXRecord mx) {
      labels.put(MX_TARGET, mx.getTarget().toString());
      return join(trimDot(mx.getTarget().toString()), port);
    }
    if (record instanceof NSRecord ns) {
      labels.put(NS_TARGET, ns.getTarget().toString());
      return join(trimDot(ns.getTarget().toString()), port);
    }
    if (record instanceof ARecord a) {
      return join(a.getAddress().getHostAddress(), port);
    }
    if (record instanceof AAAARecord aaaa && aaaa.getAddress() instanceof Inet6Address v6) {
      return join(Ipv6Text.format(v6), port);
    }
    return null;
  }

  /** As Go's net.JoinHostPort: brackets around a host with a colon. */
  private static String join(String host, int port) {
    return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
  }

  private static String trimDot(String name) {
    int end = name.length();
    while (end > 0 && name.charAt(end - 1) == '.') {
      end--;
    }
    return name.substring(0, end);
  }
}
