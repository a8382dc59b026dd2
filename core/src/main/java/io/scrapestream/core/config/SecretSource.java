package io.scrapestream.core.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Where a credential or a PEM block comes from: written in the configuration, or a file read anew
 * each time it is needed (as Prometheus does), so that a rotated file takes effect at the next
 * scrape without a restart.
 */
public sealed interface SecretSource {

  /**
   * The current text: the inline value, or the file's content with leading and trailing white space
   * removed (Go's {@code strings.TrimSpace}, as Prometheus reads {@code *_file} keys).
   *
   * @throws IOException when the file cannot be read
   */
  String read() throws IOException;

  /** What the source is, without its value: {@code inline} or {@code file /path}. */
  String description();

  /** Text written in the configuration. */
  record Inline(Secret secret) implements SecretSource {
    public Inline {
      Objects.requireNonNull(secret, "secret must not be null");
    }

    @Override
    public String read() {
      return secret.reveal();
    }

    @Override
    public String description() {
      return "inline";
    }
  }

  /** A file, read on every call of {@link #read()}. */
  record FromFile(Path path) implements SecretSource {
    public FromFile {
      Objects.requireNonNull(path, "path must not be null");
    }

    @Override
    public String read() throws IOException {
      return Files.readString(path).strip();
    }

    @Override
    public String description() {
      return "file " + path;
    }
  }

  /** Inline text; the configuration's value, never shown. */
  static SecretSource inline(String text) {
    return new Inline(new Secret(text));
  }

  /** The file at {@code path}. */
  static SecretSource file(String path) {
    return new FromFile(Path.of(path));
  }
}
