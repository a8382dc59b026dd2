package io.scrapestream.allocator;

import io.scrapestream.allocator.discovery.Discoverer;
import io.scrapestream.allocator.discovery.DiscovererFactory;
import io.scrapestream.allocator.discovery.DiscoveryListener;
import io.scrapestream.allocator.discovery.StaticDiscoverer;
import io.scrapestream.allocator.discovery.dns.DnsDiscoverer;
import io.scrapestream.allocator.discovery.file.FileDiscoverer;
import io.scrapestream.allocator.discovery.http.HttpDiscoverer;
import io.scrapestream.core.config.DiscoveryConfigs;
import io.scrapestream.core.config.ScrapeConfig;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The discoverers of {@code static_configs}, {@code file_sd_configs}, {@code http_sd_configs} and
 * {@code dns_sd_configs}, in that order, one per entry.
 */
public final class StandardDiscoverers implements DiscovererFactory {
  private final HttpClient http =
      HttpClient.newBuilder()
          .connectTimeout(Duration.ofSeconds(10))
          .followRedirects(HttpClient.Redirect.NORMAL)
          .build();
  private final Optional<InetSocketAddress> dnsServer;
  private final DiscoveryListener listener;

  /**
   * @param dnsServer the DNS server dns_sd asks; empty: the system's
   */
  public StandardDiscoverers(Optional<InetSocketAddress> dnsServer, DiscoveryListener listener) {
    this.dnsServer = dnsServer;
    this.listener = listener;
  }

  @Override
  public List<Discoverer> create(ScrapeConfig job) {
    List<Discoverer> discoverers = new ArrayList<>();
    String name = job.jobName();
    if (!job.staticConfigs().isEmpty()) {
      discoverers.add(new StaticDiscoverer(job.staticConfigs()));
    }
    DiscoveryConfigs sd = job.discovery();
    sd.fileSdConfigs().forEach(c -> discoverers.add(new FileDiscoverer(name, c, listener)));
    sd.httpSdConfigs().forEach(c -> discoverers.add(new HttpDiscoverer(name, c, http, listener)));
    sd.dnsSdConfigs()
        .forEach(c -> discoverers.add(new DnsDiscoverer(name, c, dnsServer, listener)));
    return discoverers;
  }
}
