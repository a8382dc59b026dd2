package io.scrapestream.it.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Polls a collector's {@code /jobs/{job}/targets} every 100 ms on a thread of its own, as a scraper
 * would, and remembers every answer: which targets were served, and which vanished from an answer
 * after an earlier one had them.
 */
final class WatchDropPoller implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http = HttpClient.newHttpClient();
  private final URI uri;
  private final List<Set<String>> answers = new CopyOnWriteArrayList<>();
  private final List<String> failures = new CopyOnWriteArrayList<>();
  private final Set<String> vanished = ConcurrentHashMap.newKeySet();
  private final Thread thread;
  private volatile boolean running = true;

  WatchDropPoller(int port, String job, String collector) {
    uri =
        URI.create(
            "http://127.0.0.1:" + port + "/jobs/" + job + "/targets?collector_id=" + collector);
    thread = new Thread(this::run, "watch-drop-poller");
    thread.setDaemon(true);
    thread.start();
  }

  /** The latest answer's target addresses; empty before the first answer. */
  Set<String> latest() {
    return answers.isEmpty() ? Set.of() : answers.get(answers.size() - 1);
  }

  /** Targets that one answer had and a later one did not. */
  Set<String> vanished() {
    return Set.copyOf(vanished);
  }

  int answers() {
    return answers.size();
  }

  /** Polls that failed (status other than 200, or no answer), as {@code <status or error>}. */
  List<String> failures() {
    return List.copyOf(failures);
  }

  private void run() {
    while (running) {
      try {
        record(fetch());
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (IOException e) {
        failures.add(e.toString());
      }
    }
  }

  private Set<String> fetch() throws IOException, InterruptedException {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IOException("status " + response.statusCode() + ": " + response.body());
    }
    Set<String> targets = new TreeSet<>();
    for (JsonNode group : JSON.readTree(response.body())) {
      group.path("targets").forEach(target -> targets.add(target.asText()));
    }
    return targets;
  }

  private void record(Set<String> targets) {
    if (!answers.isEmpty()) {
      for (String before : latest()) {
        if (!targets.contains(before)) {
          vanished.add(before);
        }
      }
    }
    answers.add(Set.copyOf(targets));
  }

  @Override
  public void close() throws InterruptedException {
    running = false;
    thread.interrupt();
    thread.join(5_000);
  }
}
