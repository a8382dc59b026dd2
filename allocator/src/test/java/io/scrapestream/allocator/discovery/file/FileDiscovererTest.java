package io.scrapestream.allocator.discovery.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.scrapestream.allocator.discovery.RecordingUpdates;
import io.scrapestream.allocator.discovery.TargetGroup;
import io.scrapestream.core.config.FileSdConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class FileDiscovererTest {
  @TempDir Path dir;
  private final RecordingUpdates updates = new RecordingUpdates();

  @Test
  void shouldReadJsonAndYamlFilesWithFilepathLabelsWhenStarted() throws Exception {
    Path json =
        Files.writeString(
            dir.resolve("a.json"), "[{\"targets\":[\"a:1\"],\"labels\":{\"env\":\"dev\"}}]");
    Path yaml = Files.writeString(dir.resolve("b.yml"), "- targets: [b:1, b:2]\n");
    Files.writeString(dir.resolve("c.txt"), "ignored");

    try (FileDiscoverer discoverer = discoverer(Duration.ofHours(1))) {
      discoverer.start(updates);
      await().until(() -> updates.groups().size() == 2);
    }

    assertThat(updates.groups())
        .containsExactly(
            new TargetGroup(
                json + ":0",
                List.of(Map.of("__address__", "a:1")),
                Map.of("env", "dev", "__meta_filepath", json.toString())),
            new TargetGroup(
                yaml + ":0",
                List.of(Map.of("__address__", "b:1"), Map.of("__address__", "b:2")),
                Map.of("__meta_filepath", yaml.toString())));
  }

  @Test
  void shouldFollowChangesThroughTheWatchWhenFilesChangeOrDisappear() throws Exception {
    Path file =
        Files.writeString(
            dir.resolve("a.json"), "[{\"targets\":[\"a:1\"]},{\"targets\":[\"a:2\"]}]");
    try (FileDiscoverer discoverer = discoverer(Duration.ofHours(1))) {
      discoverer.start(updates);
      await().until(() -> updates.groups().size() == 2);

      Files.writeString(file, "[{\"targets\":[\"a:3\"]}]");
      await()
          .until(
              () ->
                  updates.groups().size() == 1
                      && updates
                          .groups()
                          .get(0)
                          .targets()
                          .equals(List.of(Map.of("__address__", "a:3"))));

      Files.delete(file);
      await().until(() -> updates.groups().isEmpty());
    }
  }

  @Test
  void shouldKeepPreviousGroupsAndCountAnErrorWhenAFileStopsParsing() throws Exception {
    Path file = Files.writeString(dir.resolve("a.json"), "[{\"targets\":[\"a:1\"]}]");
    try (FileDiscoverer discoverer = discoverer(Duration.ofHours(1))) {
      discoverer.start(updates);
      await().until(() -> updates.groups().size() == 1);

      // Replaced atomically: a plain rewrite can be seen half-way (empty), which is a valid file.
      Path bad = Files.writeString(dir.resolve("a.json.tmp"), "[{\"targets\": oops");
      Files.move(bad, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      await().until(() -> updates.refreshes().contains("file:error"));
      discoverer.refresh();

      assertThat(updates.groups())
          .containsExactly(
              new TargetGroup(
                  file + ":0",
                  List.of(Map.of("__address__", "a:1")),
                  Map.of("__meta_filepath", file.toString())));
    }
  }

  @Test
  void shouldReportOnceWithNoGroupsWhenNoFileMatches() {
    try (FileDiscoverer discoverer = discoverer(Duration.ofHours(1))) {
      discoverer.start(updates);
      await().until(() -> updates.reports() >= 1);
    }

    assertThat(updates.groups()).isEmpty();
  }

  private FileDiscoverer discoverer(Duration refresh) {
    return new FileDiscoverer(
        "job", new FileSdConfig(List.of(dir + "/*.json", dir + "/*.yml"), refresh), updates);
  }
}
