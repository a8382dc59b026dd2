package io.scrapestream.allocator.discovery.file;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Expands file_sd patterns, whose last path element may hold a glob. */
final class FilePatterns {
  private FilePatterns() {}

  /** The regular files every pattern matches now, sorted, as {@code <pattern dir>/<name>}. */
  static List<String> list(List<String> patterns) {
    Set<String> files = new TreeSet<>();
    for (String pattern : patterns) {
      Path path = Path.of(pattern);
      Path dir = directory(path);
      try (DirectoryStream<Path> matches =
          Files.newDirectoryStream(dir, path.getFileName().toString())) {
        for (Path match : matches) {
          if (Files.isRegularFile(match)) {
            files.add(match.toString());
          }
        }
      } catch (IOException e) {
        // A directory that does not exist (yet) matches nothing, as filepath.Glob.
      }
    }
    return new ArrayList<>(files);
  }

  /** The directories to watch: the parent of each pattern. */
  static Set<Path> directories(List<String> patterns) {
    Set<Path> dirs = new TreeSet<>();
    patterns.forEach(pattern -> dirs.add(directory(Path.of(pattern))));
    return dirs;
  }

  private static Path directory(Path pattern) {
    Path parent = pattern.getParent();
    return parent == null ? Path.of("") : parent;
  }
}
