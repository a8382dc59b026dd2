package io.scrapestream.sink.file;

import io.scrapestream.schemas.v1.ScrapeBatch;
import io.scrapestream.sink.ExportOutcome;
import io.scrapestream.sink.Exporter;
import io.scrapestream.sink.series.InvalidBatchException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Appends every float sample as one JSON line (see {@link SampleLines}) to a file, creating its
 * parent directories; each export is written in one piece and flushed. The file is opened on the
 * first export and again after an I/O failure.
 */
public final class FileExporter implements Exporter {
  private static final Logger LOG = LoggerFactory.getLogger(FileExporter.class);

  private final String backend;
  private final Path path;
  private OutputStream out;

  /** An exporter for the backend named {@code file}. */
  public FileExporter(Path path) {
    this("file", path);
  }

  public FileExporter(String backend, Path path) {
    if (backend == null || backend.isBlank()) {
      throw new IllegalArgumentException("backend: must not be blank. Found: " + backend);
    }
    this.backend = backend;
    this.path = Objects.requireNonNull(path, "path").toAbsolutePath();
  }

  @Override
  public synchronized ExportOutcome export(List<ScrapeBatch> batches) {
    SampleLines.Encoded lines;
    try {
      lines = SampleLines.encode(batches);
    } catch (InvalidBatchException e) {
      return new ExportOutcome.Rejected(e.getMessage(), ExportOutcome.Rejected.NOT_SENT);
    }
    return lines.bytes().length == 0 ? new ExportOutcome.Success(0) : append(lines);
  }

  private ExportOutcome append(SampleLines.Encoded lines) {
    try {
      OutputStream file = open();
      file.write(lines.bytes());
      file.flush();
      return new ExportOutcome.Success(lines.samples());
    } catch (IOException e) {
      String reason =
          "could not append to "
              + path
              + ": "
              + e.getClass().getSimpleName()
              + ": "
              + e.getMessage();
      LOG.debug("[{}] {}", backend, reason, e);
      close();
      return new ExportOutcome.Retryable(reason, Optional.empty());
    }
  }

  @Override
  public String backend() {
    return backend;
  }

  @Override
  public synchronized void close() {
    if (out == null) {
      return;
    }
    try {
      out.close();
    } catch (IOException e) {
      LOG.warn("[{}] could not close {}", backend, path, e);
    } finally {
      out = null;
    }
  }

  private OutputStream open() throws IOException {
    if (out == null) {
      Files.createDirectories(path.getParent());
      out =
          Files.newOutputStream(
              path, StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
    }
    return out;
  }
}
