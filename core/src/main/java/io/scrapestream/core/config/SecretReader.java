package io.scrapestream.core.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Reads a secret written inline ({@code password}) or in a file ({@code password_file}), at most
 * one of them. A file's content is used without its trailing line break, as Prometheus does.
 */
final class SecretReader {
  private SecretReader() {}

  static Optional<Secret> read(MappingReader m, String key, String fileKey) {
    Optional<String> inline = m.value(key).flatMap(ValueReader::text);
    Optional<String> file =
        m.value(fileKey).flatMap(v -> v.text().flatMap(t -> v.check(t, ConfigRules.FILE_PATH)));
    if (inline.isPresent() && file.isPresent()) {
      m.problem(fileKey, "must not be set together with " + key, ConfigProblems.quote(file.get()));
      return Optional.empty();
    }
    if (file.isPresent()) {
      return fromFile(m, fileKey, Path.of(file.get()));
    }
    return inline.filter(text -> !text.isEmpty()).map(Secret::new);
  }

  private static Optional<Secret> fromFile(MappingReader m, String fileKey, Path path) {
    try {
      String text = Files.readString(path).strip();
      if (text.isEmpty()) {
        m.problem(
            fileKey, "must name a file that is not empty", ConfigProblems.quote(path.toString()));
        return Optional.empty();
      }
      return Optional.of(new Secret(text));
    } catch (IOException | RuntimeException e) {
      m.problem(
          fileKey,
          "must name a readable UTF-8 file",
          ConfigProblems.quote(path.toString()) + " (" + e.getClass().getSimpleName() + ")");
      return Optional.empty();
    }
  }
}
