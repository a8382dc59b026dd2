package io.scrapestream.allocator.discovery.dns;

import io.scrapestream.allocator.discovery.Discoverer;
import io.scrapestream.allocator.discovery.DiscoveryListener;
import io.scrapestream.allocator.discovery.PeriodicRefresh;
import io.scrapestream.allocator.discovery.Refresh;
import io.scrapestream.allocator.discovery.TargetGroup;
import io.scrapestream.allocator.discovery.TargetGroupListener;
import io.scrapestream.core.config.DnsSdConfig;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xbill.DNS.DClass;
import org.xbill.DNS.ExtendedResolver;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Resolver;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * {@code dns_sd_configs}, as Prometheus's DNS discovery: every refresh interval, queries each name
 * for the configured record type; one group per name (source = the name). NXDOMAIN is a name with
 * no targets; any other failure of any name keeps the last groups of all names. Names are absolute:
 * no search domains are tried.
 */
public final class DnsDiscoverer implements Discoverer {
  static final String MECHANISM = "dns";
  private static final Logger LOG = LoggerFactory.getLogger(DnsDiscoverer.class);

  private final String job;
  private final DnsSdConfig config;
  private final Resolver resolver;
  private final DiscoveryListener listener;
  private boolean reported;
  private TargetGroupListener updates;
  private PeriodicRefresh refresh;

  /**
   * @param server the DNS server to ask; empty: the system's ({@code /etc/resolv.conf})
   */
  public DnsDiscoverer(
      String job,
      DnsSdConfig config,
      Optional<InetSocketAddress> server,
      DiscoveryListener listener) {
    this.job = job;
    this.config = config;
    this.resolver = server.<Resolver>map(SimpleResolver::new).orElseGet(ExtendedResolver::new);
    this.listener = listener;
  }

  @Override
  public void start(TargetGroupListener updates) {
    this.updates = updates;
    refresh = new PeriodicRefresh("dns-sd-" + job, config.refreshInterval(), this::refresh);
  }

  synchronized void refresh() {
    List<TargetGroup> groups = new ArrayList<>();
    for (String name : config.names()) {
      Refresh outcome = lookup(name);
      if (outcome instanceof Refresh.Failed failed) {
        listener.refreshed(MECHANISM, true);
        LOG.warn(
            "job {}: dns_sd lookup failed, keeping the last targets: {}", job, failed.reason());
        if (!reported) {
          reported = true;
          updates.groupsChanged(List.of());
        }
        return;
      }
      groups.addAll(((Refresh.Succeeded) outcome).groups());
    }
    listener.refreshed(MECHANISM, false);
    reported = true;
    updates.groupsChanged(groups);
  }

  /** One query for one name. */
  Refresh lookup(String name) {
    try {
      Name absolute = Name.fromString(name.endsWith(".") ? name : name + ".");
      int type = Type.value(config.type().name());
      Message response =
          resolver.send(Message.newQuery(Record.newRecord(absolute, type, DClass.IN)));
      int rcode = response.getRcode();
      if (rcode == Rcode.NXDOMAIN) {
        return new Refresh.Succeeded(List.of(TargetGroup.empty(name)));
      }
      if (rcode != Rcode.NOERROR) {
        return new Refresh.Failed("lookup of " + name + " answered " + Rcode.string(rcode));
      }
      return new Refresh.Succeeded(
          List.of(DnsAnswers.group(name, response.getSection(Section.ANSWER), config.port())));
    } catch (TextParseException e) {
      return new Refresh.Failed("\"" + name + "\" is not a DNS name: " + e.getMessage());
    } catch (IOException e) {
      return new Refresh.Failed("lookup of " + name + " failed: " + e);
    }
  }

  @Override
  public void close() {
    if (refresh != null) {
      refresh.close();
    }
  }
}
