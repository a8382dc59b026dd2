package io.scrapestream.core.config;

import java.nio.file.Path;

/**
 * Appends samples as JSON lines to a file. A relative path is kept as written and so resolves
 * against the current directory.
 */
public record FileExporterConfig(Path path) implements ExporterConfig {
  public FileExporterConfig {
    ConfigRules.require("path", path == null ? null : path.toString(), ConfigRules.FILE_PATH);
  }
}
