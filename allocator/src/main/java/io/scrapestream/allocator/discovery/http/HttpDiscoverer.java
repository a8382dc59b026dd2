package io.scrapestream.allocator.discovery.http;

import io.scrapestream.allocator.discovery.Discoverer;
import io.scrapestream.allocator.discovery.DiscoveryListener;
import io.scrapestream.allocator.discovery.PeriodicRefresh;
import io.scrapestream.allocator.discovery.Refresh;
import io.scrapestream.allocator.discovery.TargetGroup;
import io.scrapestream.allocator.discovery.TargetGroupListener;
import io.scrapestream.allocator.discovery.TargetGroupParser;
import io.scrapestream.core.config.HttpSdConfig;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code http_sd_configs}, as Prometheus's HTTP discovery: GET the URL every refresh interval with
 * {@code Accept: application/json} and {@code X-Prometheus-Refresh-Interval-Seconds}; a 200 answer
 * of type application/json holds the groups, group {@code i} with source {@code <url>:<i>} and
 * label {@code __meta_url}. Any failure keeps the last groups.
 */
public final class HttpDiscoverer implements Discoverer {
  static final String MECHANISM = "http";
  static final String USER_AGENT = "Scrapestream-allocator";
  private static final Logger LOG = LoggerFactory.getLogger(HttpDiscoverer.class);
  private static final Pattern JSON_TYPE =
      Pattern.compile("(?i)application/json(;\\s*charset=(\"utf-8\"|utf-8))?");

  private final String job;
  private final HttpSdConfig config;
  private final HttpClient client;
  private final DiscoveryListener listener;
  private int lastLength;
  private boolean reported;
  private TargetGroupListener updates;
  private PeriodicRefresh refresh;

  public HttpDiscoverer(
      String job, HttpSdConfig config, HttpClient client, DiscoveryListener listener) {
    this.job = job;
    this.config = config;
    this.client = client;
    this.listener = listener;
  }

  @Override
  public void start(TargetGroupListener updates) {
    this.updates = updates;
    refresh = new PeriodicRefresh("http-sd-" + job, config.refreshInterval(), this::refresh);
  }

  synchronized void refresh() {
    Refresh outcome = fetch();
    listener.refreshed(MECHANISM, outcome instanceof Refresh.Failed);
    if (outcome instanceof Refresh.Failed failed) {
      LOG.warn(
          "job {}: http_sd {} failed, keeping the last targets: {}",
          job,
          config.url(),
          failed.reason());
      if (!reported) {
        reported = true;
        updates.groupsChanged(List.of());
      }
      return;
    }
    List<TargetGroup> groups = new ArrayList<>(((Refresh.Succeeded) outcome).groups());
    for (int i = groups.size(); i < lastLength; i++) {
      groups.add(TargetGroup.empty(config.url() + ":" + i));
    }
    lastLength = ((Refresh.Succeeded) outcome).groups().size();
    reported = true;
    updates.groupsChanged(groups);
  }

  /** One GET of the URL. */
  Refresh fetch() {
    HttpRequest request =
        HttpRequest.newBuilder(config.url())
            .GET()
            .timeout(config.refreshInterval())
            .header("Accept", "application/json")
            .header("User-Agent", USER_AGENT)
            .header("X-Prometheus-Refresh-Interval-Seconds", seconds(config))
            .build();
    try {
      HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
      return parse(
          response.statusCode(),
          response.headers().firstValue("Content-Type").orElse(""),
          response.body());
    } catch (IOException e) {
      return new Refresh.Failed(e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Refresh.Failed("interrupted");
    }
  }

  private Refresh parse(int status, String contentType, byte[] body) {
    if (status != 200) {
      return new Refresh.Failed("server returned HTTP status " + status);
    }
    if (!JSON_TYPE.matcher(contentType.strip()).matches()) {
      return new Refresh.Failed("unsupported content type \"" + contentType + "\"");
    }
    String url = config.url().toString();
    return TargetGroupParser.parse(
        body, TargetGroupParser.Format.JSON, url, Map.entry("__meta_url", url));
  }

  /** The interval in seconds as Go's FormatFloat(s, 'f', -1): {@code 60}, {@code 0.5}. */
  static String seconds(HttpSdConfig config) {
    return BigDecimal.valueOf(config.refreshInterval().toMillis(), 3)
        .stripTrailingZeros()
        .toPlainString();
  }

  @Override
  public void close() {
    if (refresh != null) {
      refresh.close();
    }
  }
}
