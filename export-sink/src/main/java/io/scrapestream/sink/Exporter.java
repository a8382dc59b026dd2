package io.scrapestream.sink;

import io.scrapestream.schemas.v1.ScrapeBatch;
import io.scrapestream.sink.series.FlatBatch;
import java.util.List;

/** Sends {@link ScrapeBatch} records to one backend. */
public interface Exporter extends AutoCloseable {

  /**
   * Sends the batches, in order, as one unit.
   *
   * <p>Never throws for remote or I/O failures: they are answered with an {@link ExportOutcome}.
   */
  ExportOutcome export(List<ScrapeBatch> batches);

  /**
   * Sends the batches as {@link #export(List)} does, telling {@code watcher} when the export failed
   * transiently and waits to try again within this call. An exporter that never retries by itself
   * (the default) never tells it.
   */
  default ExportOutcome export(List<ScrapeBatch> batches, RetryWatcher watcher) {
    return export(batches);
  }

  /**
   * Sends decoded batches as {@link #export(List, RetryWatcher)} does. An exporter that reads the
   * columns (remote write 1.0) overrides it and never asks for the messages; the default parses
   * them.
   */
  default ExportOutcome exportFlat(List<FlatBatch> batches, RetryWatcher watcher) {
    return export(FlatBatch.messages(batches), watcher);
  }

  /** Hears that an export is about to wait for its own retry. */
  @FunctionalInterface
  interface RetryWatcher {
    /** Hears nothing. */
    RetryWatcher NONE = () -> {};

    /** The export failed transiently and waits to be sent again; called once per export. */
    void retrying();
  }

  /** The backend name, as used in logs and in the {@code backend} label of self-metrics. */
  String backend();

  /** Releases the exporter's resources; never throws a checked exception. */
  @Override
  void close();
}
