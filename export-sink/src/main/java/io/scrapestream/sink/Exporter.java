package io.scrapestream.sink;

import io.scrapestream.schemas.v1.ScrapeBatch;
import java.util.List;

/** Sends {@link ScrapeBatch} records to one backend. */
public interface Exporter extends AutoCloseable {

  /**
   * Sends the batches, in order, as one unit.
   *
   * <p>Never throws for remote or I/O failures: they are answered with an {@link ExportOutcome}.
   */
  ExportOutcome export(List<ScrapeBatch> batches);

  /** The backend name, as used in logs and in the {@code backend} label of self-metrics. */
  String backend();

  /** Releases the exporter's resources; never throws a checked exception. */
  @Override
  void close();
}
