package io.scrapestream.it.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.scrapestream.testsupport.faults.SequenceTargets;
import io.scrapestream.testsupport.faults.Tally;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads what the file exporter stored (one JSON line per sample) back as {@link
 * SequenceTargets#key} counts of the {@code seq} samples. A line still being written (no line break
 * yet) is left for the next read.
 */
final class PoisonRecordFiles {
  private static final ObjectMapper JSON = new ObjectMapper();

  private PoisonRecordFiles() {}

  /** How often each {@code seq} sample is stored in {@code file}; empty when there is no file. */
  static Map<String, Long> sequenceKeys(Path file) {
    Map<String, Long> counts = new HashMap<>();
    if (!Files.exists(file)) {
      return counts;
    }
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    String complete = text.substring(0, text.lastIndexOf('\n') + 1);
    for (String line : complete.split("\n")) {
      if (line.contains("\"__name__\":\"seq\"")) {
        counts.merge(key(line), 1L, Long::sum);
      }
    }
    return counts;
  }

  /** Expected keys some file lacks, as {@code <file name>: <key>}. */
  static List<String> missing(List<Path> files, Set<String> expected) {
    List<String> missing = new java.util.ArrayList<>();
    for (Path file : files) {
      Set<String> stored = PoisonRecordFiles.sequenceKeys(file).keySet();
      expected.stream()
          .filter(key -> !stored.contains(key))
          .forEach(key -> missing.add(file.getFileName() + ": " + key));
    }
    return missing;
  }

  /**
   * The samples scraped before {@code expected} was taken, as {@code file} stores them; samples
   * scraped later (until the scraper closed) are counted only if nobody {@code served} them.
   */
  static Tally tally(Set<String> expected, Set<String> served, Path file) {
    Map<String, Long> stored = new java.util.HashMap<>(PoisonRecordFiles.sequenceKeys(file));
    stored.keySet().removeIf(key -> served.contains(key) && !expected.contains(key));
    return Tally.of(file.getFileName().toString(), expected, stored, 0);
  }

  private static String key(String line) {
    try {
      JsonNode sample = JSON.readTree(line);
      JsonNode labels = sample.path("labels");
      return SequenceTargets.key(
          labels.path("instance").asText(),
          labels.path("series").asText(),
          (long) sample.path("value").asDouble());
    } catch (IOException e) {
      throw new UncheckedIOException("not a JSON sample line: " + line, e);
    }
  }
}
