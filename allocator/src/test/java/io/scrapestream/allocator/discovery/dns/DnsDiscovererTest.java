package io.scrapestream.allocator.discovery.dns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.scrapestream.allocator.discovery.RecordingUpdates;
import io.scrapestream.allocator.discovery.Refresh;
import io.scrapestream.allocator.discovery.TargetGroup;
import io.scrapestream.core.config.DnsRecordType;
import io.scrapestream.core.config.DnsSdConfig;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.NSRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.SRVRecord;
import org.xbill.DNS.Type;

@Timeout(60)
class DnsDiscovererTest {
  private DnsResponder dns;
  private final RecordingUpdates updates = new RecordingUpdates();

  @BeforeEach
  void start() throws Exception {
    dns = new DnsResponder();
  }

  @AfterEach
  void stop() {
    dns.close();
  }

  @Test
  void shouldBuildPrometheusLabelsWhenSrvRecordsAnswer() throws Exception {
    Name name = Name.fromString("_node._tcp.example.com.");
    dns.answer(
        name.toString(),
        Type.SRV,
        List.of(
            new SRVRecord(name, DClass.IN, 60, 0, 0, 9100, Name.fromString("n1.example.com.")),
            new SRVRecord(name, DClass.IN, 60, 0, 0, 9200, Name.fromString("n2.example.com."))));

    try (DnsDiscoverer discoverer =
        discoverer(List.of("_node._tcp.example.com"), DnsRecordType.SRV, 0)) {
      discoverer.start(updates);
      await().until(() -> updates.groups().size() == 1);
    }

    assertThat(updates.groups().get(0))
        .isEqualTo(
            new TargetGroup(
                "_node._tcp.example.com",
                List.of(
                    labels(
                        "n1.example.com:9100",
                        "_node._tcp.example.com",
                        "n1.example.com.",
                        "9100",
                        "",
                        ""),
                    labels(
                        "n2.example.com:9200",
                        "_node._tcp.example.com",
                        "n2.example.com.",
                        "9200",
                        "",
                        "")),
                Map.of()));
  }

  @Test
  void shouldUseTheConfiguredPortAndSkipCnamesWhenAddressRecordsAnswer() throws Exception {
    Name name = Name.fromString("web.example.com.");
    dns.answer(
        name.toString(),
        Type.A,
        List.of(
            new CNAMERecord(name, DClass.IN, 60, Name.fromString("real.example.com.")),
            new ARecord(name, DClass.IN, 60, InetAddress.getByName("192.0.2.7"))));
    dns.answer(
        name.toString(),
        Type.AAAA,
        List.of(new AAAARecord(name, DClass.IN, 60, InetAddress.getByName("2001:db8::1"))));

    DnsDiscoverer a = discoverer(List.of("web.example.com"), DnsRecordType.A, 8080);
    DnsDiscoverer aaaa = discoverer(List.of("web.example.com"), DnsRecordType.AAAA, 8080);

    assertThat(a.lookup("web.example.com"))
        .isEqualTo(
            new Refresh.Succeeded(
                List.of(
                    new TargetGroup(
                        "web.example.com",
                        List.of(labels("192.0.2.7:8080", "web.example.com", "", "", "", "")),
                        Map.of()))));
    assertThat(aaaa.lookup("web.example.com"))
        .isEqualTo(
            new Refresh.Succeeded(
                List.of(
                    new TargetGroup(
                        "web.example.com",
                        List.of(labels("[2001:db8::1]:8080", "web.example.com", "", "", "", "")),
                        Map.of()))));
  }

  @Test
  void shouldSetRecordTargetLabelsWhenMxAndNsRecordsAnswer() throws Exception {
    Name name = Name.fromString("example.com.");
    dns.answer(
        name.toString(),
        Type.MX,
        List.of(new MXRecord(name, DClass.IN, 60, 10, Name.fromString("mail.example.com."))));
    dns.answer(
        name.toString(),
        Type.NS,
        List.of(new NSRecord(name, DClass.IN, 60, Name.fromString("ns1.example.com."))));

    assertThat(discoverer(List.of("example.com"), DnsRecordType.MX, 25).lookup("example.com"))
        .isEqualTo(
            new Refresh.Succeeded(
                List.of(
                    new TargetGroup(
                        "example.com",
                        List.of(
                            labels(
                                "mail.example.com:25",
                                "example.com",
                                "",
                                "",
                                "mail.example.com.",
                                "")),
                        Map.of()))));
    assertThat(discoverer(List.of("example.com"), DnsRecordType.NS, 53).lookup("example.com"))
        .isEqualTo(
            new Refresh.Succeeded(
                List.of(
                    new TargetGroup(
                        "example.com",
                        List.of(
                            labels(
                                "ns1.example.com:53",
                                "example.com",
                                "",
                                "",
                                "",
                                "ns1.example.com.")),
                        Map.of()))));
  }

  @Test
  void shouldTreatNxdomainAsNoTargetsAndKeepGroupsWhenTheServerFails() throws Exception {
    Name name = Name.fromString("web.example.com.");
    dns.answer(
        name.toString(),
        Type.A,
        List.of(new ARecord(name, DClass.IN, 60, InetAddress.getByName("192.0.2.7"))));
    try (DnsDiscoverer discoverer = discoverer(List.of("web.example.com"), DnsRecordType.A, 80)) {
      discoverer.start(updates);
      await().until(() -> updates.groups().size() == 1);

      dns.fail(name.toString(), Type.A, Rcode.SERVFAIL);
      discoverer.refresh();
      assertThat(updates.groups()).hasSize(1);
      assertThat(discoverer.lookup("web.example.com"))
          .isEqualTo(new Refresh.Failed("lookup of web.example.com answered SERVFAIL"));

      assertThat(discoverer.lookup("gone.example.com"))
          .isEqualTo(new Refresh.Succeeded(List.of(TargetGroup.empty("gone.example.com"))));
    }
    assertThat(updates.refreshes()).containsExactly("dns:success", "dns:error");
  }

  private DnsDiscoverer discoverer(List<String> names, DnsRecordType type, int port) {
    return new DnsDiscoverer(
        "job",
        new DnsSdConfig(names, type, port, Duration.ofHours(1)),
        Optional.of(dns.address()),
        updates);
  }

  private static Map<String, String> labels(
      String address, String name, String srvTarget, String srvPort, String mx, String ns) {
    return Map.of(
        "__address__",
        address,
        "__meta_dns_name",
        name,
        "__meta_dns_srv_record_target",
        srvTarget,
        "__meta_dns_srv_record_port",
        srvPort,
        "__meta_dns_mx_record_target",
        mx,
        "__meta_dns_ns_record_target",
        ns);
  }
}
