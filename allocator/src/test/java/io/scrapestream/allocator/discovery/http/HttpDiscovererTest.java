package io.scrapestream.allocator.discovery.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.scrapestream.allocator.discovery.RecordingUpdates;
import io.scrapestream.allocator.discovery.TargetGroup;
import io.scrapestream.core.config.HttpSdConfig;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class HttpDiscovererTest {
  private final RecordingUpdates updates = new RecordingUpdates();
  private final AtomicReference<String> body = new AtomicReference<>("[]");
  private final AtomicReference<Integer> status = new AtomicReference<>(200);
  private final List<String> refreshHeaders = new CopyOnWriteArrayList<>();
  private HttpServer server;
  private URI url;

  @BeforeEach
  void startServer() throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/sd",
        exchange -> {
          refreshHeaders.add(
              exchange.getRequestHeaders().getFirst("X-Prometheus-Refresh-Interval-Seconds")
                  + " "
                  + exchange.getRequestHeaders().getFirst("Accept"));
          byte[] bytes = body.get().getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
          exchange.sendResponseHeaders(status.get(), bytes.length);
          exchange.getResponseBody().write(bytes);
          exchange.close();
        });
    server.start();
    url = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/sd");
  }

  @AfterEach
  void stopServer() {
    server.stop(0);
  }

  @Test
  void shouldReportGroupsWithUrlLabelAndSendTheRefreshHeaderWhenServerAnswers() {
    body.set("[{\"targets\":[\"a:1\"],\"labels\":{\"env\":\"dev\"}},{\"targets\":[\"b:1\"]}]");
    try (HttpDiscoverer discoverer = discoverer(Duration.ofMillis(1500))) {
      discoverer.start(updates);
      await().until(() -> updates.groups().size() == 2);
    }

    assertThat(updates.groups().get(0))
        .isEqualTo(
            new TargetGroup(
                url + ":0",
                List.of(Map.of("__address__", "a:1")),
                Map.of("env", "dev", "__meta_url", url.toString())));
    assertThat(refreshHeaders.get(0)).isEqualTo("1.5 application/json");
  }

  @Test
  void shouldRemoveGroupsThatDisappearAndKeepGroupsWhenTheServerFails() {
    body.set("[{\"targets\":[\"a:1\"]},{\"targets\":[\"b:1\"]}]");
    try (HttpDiscoverer discoverer = discoverer(Duration.ofHours(1))) {
      discoverer.start(updates);
      await().until(() -> updates.groups().size() == 2);

      body.set("[{\"targets\":[\"a:1\"]}]");
      discoverer.refresh();
      assertThat(updates.groups()).extracting(TargetGroup::source).containsExactly(url + ":0");

      status.set(503);
      discoverer.refresh();
      body.set("not json");
      status.set(200);
      discoverer.refresh();
    }

    assertThat(updates.groups()).extracting(TargetGroup::source).containsExactly(url + ":0");
    assertThat(updates.refreshes())
        .containsExactly("http:success", "http:success", "http:error", "http:error");
  }

  @Test
  void shouldFailWithTheStatusWhenTheServerDoesNotAnswer200() {
    status.set(404);
    HttpDiscoverer discoverer = discoverer(Duration.ofHours(1));

    assertThat(discoverer.fetch())
        .isEqualTo(
            new io.scrapestream.allocator.discovery.Refresh.Failed(
                "server returned HTTP status 404"));
  }

  private HttpDiscoverer discoverer(Duration refresh) {
    return new HttpDiscoverer(
        "job", new HttpSdConfig(url, refresh), HttpClient.newHttpClient(), updates);
  }
}
