package io.scrapestream.allocator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.scrapestream.allocator.membership.ScraperMembership;
import io.scrapestream.core.config.ConfigLoader;
import io.scrapestream.core.config.ScrapestreamConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(120)
class AllocatorAppIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();
  @TempDir Path dir;

  @Test
  void shouldServeStaticAndFileTargetsAndFollowFileAndMembershipChanges() throws Exception {
    Path sd = dir.resolve("sd");
    Files.createDirectories(sd);
    Files.writeString(
        sd.resolve("a.json"),
        "[{\"targets\":[\"file-1:9100\",\"file-2:9100\"],\"labels\":{\"env\":\"dev\"}}]");
    ScrapestreamConfig config =
        ConfigLoader.load(
            """
            allocator:
              listen_address: 127.0.0.1:0
              refresh_interval: 100ms
            scrape_configs:
              - job_name: static
                static_configs: [{targets: ["s-1:9100", "s-2:9100", "s-3:9100", "s-4:9100"]}]
              - job_name: files
                file_sd_configs: [{files: ["%s/*.json"]}]
            """
                .formatted(sd),
            "it.yaml",
            Map.of());
    SettableMembership membership = new SettableMembership(List.of("scraper-a", "scraper-b"));

    try (AllocatorApp app = AllocatorApp.builder(config).membership(membership).start()) {
      await().atMost(Duration.ofSeconds(30)).until(app::ready);
      assertThat(get(app, "/jobs"))
          .isEqualTo(
              "{\"files\":{\"_link\":\"/jobs/files/targets\"},\"static\":{\"_link\":\"/jobs/static/targets\"}}\n");
      assertThat(addresses(app, "files")).containsExactlyInAnyOrder("file-1:9100", "file-2:9100");
      assertThat(addresses(app, "static")).hasSize(4);

      Files.writeString(sd.resolve("a.json"), "[{\"targets\":[\"file-3:9100\"]}]");
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> addresses(app, "files").equals(List.of("file-3:9100")));

      membership.set(List.of("scraper-a"));
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> targetsOf(app, "static", "scraper-b").isEmpty());
      assertThat(targetsOf(app, "static", "scraper-a")).hasSize(4);
      JsonNode group = JSON.readTree(get(app, "/jobs/files/targets?collector_id=scraper-a")).get(0);
      assertThat(group.get("labels").get("__meta_filepath").asText())
          .isEqualTo(sd.resolve("a.json").toString());
    }
  }

  private List<String> addresses(AllocatorApp app, String job) throws Exception {
    List<String> all = new ArrayList<>();
    for (String scraper : List.of("scraper-a", "scraper-b")) {
      all.addAll(targetsOf(app, job, scraper));
    }
    return all;
  }

  private List<String> targetsOf(AllocatorApp app, String job, String scraper) throws Exception {
    List<String> addresses = new ArrayList<>();
    JSON.readTree(get(app, "/jobs/" + job + "/targets?collector_id=" + scraper))
        .forEach(group -> addresses.add(group.get("targets").get(0).asText()));
    return addresses;
  }

  private String get(AllocatorApp app, String path) throws Exception {
    return http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path)).build(),
            HttpResponse.BodyHandlers.ofString())
        .body();
  }

  /** A membership a test changes, as the Kubernetes one changes when pods come and go. */
  static final class SettableMembership implements ScraperMembership {
    private volatile SortedSet<String> ready;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    SettableMembership(List<String> ids) {
      ready = new TreeSet<>(ids);
    }

    void set(List<String> ids) {
      ready = new TreeSet<>(ids);
      listeners.forEach(Runnable::run);
    }

    @Override
    public SortedSet<String> ready() {
      return ready;
    }

    @Override
    public void onChange(Runnable listener) {
      listeners.add(listener);
    }
  }
}
