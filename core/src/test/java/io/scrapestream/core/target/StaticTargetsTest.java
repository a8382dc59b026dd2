package io.scrapestream.core.target;

import static org.assertj.core.api.Assertions.assertThat;

import io.scrapestream.core.config.ConfigLoader;
import io.scrapestream.core.config.ScrapeConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StaticTargetsTest {

  @TempDir Path dir;

  @Test
  void shouldGiveTargetsTheJobsTimestampHandlingWhenJobSetsIt() throws Exception {
    Path file =
        Files.writeString(
            dir.resolve("config.yaml"),
            """
                scrape_configs:
                  - {job_name: a, track_timestamps_staleness: true, static_configs: [{targets: [h:1]}]}
                  - {job_name: b, honor_timestamps: false, static_configs: [{targets: [h:2]}]}
                """);
    List<ScrapeConfig> jobs = ConfigLoader.load(file, Map.of()).scrapeConfigs();

    ScrapeTarget a = StaticTargets.of(jobs.get(0)).get(0);
    ScrapeTarget b = StaticTargets.of(jobs.get(1)).get(0);

    assertThat(List.of(a.honorTimestamps(), a.trackTimestampsStaleness())).containsExactly(true, true);
    assertThat(List.of(b.honorTimestamps(), b.trackTimestampsStaleness()))
        .containsExactly(false, false);
    assertThat(a.labels()).isEqualTo(Map.of("instance", "h:1", "job", "a"));
  }
}
