package io.scrapestream.enrich.staleness;

import io.scrapestream.enrich.batch.IndexedBatch;

/**
 * Decides the stale markers of one target's scrapes, Prometheus-style, from the previous scrape's
 * series kept in {@link TargetStates}: a series of the previous scrape missing from this one gets a
 * stale marker at this scrape's timestamp, appended to this batch; {@code scrape_series_added}
 * counts the series the previous scrape did not have. A scrape split into chunks is compared once
 * its last chunk arrived. A batch not newer than the last scrape (a replay after a restart, or a
 * duplicate) is left alone, so reprocessing never makes false markers. An {@code up 0} batch holds
 * only report series, so everything else gets a marker and the next set holds only those.
 */
public final class StalenessTracker {
  private final TargetStates states;

  public StalenessTracker(TargetStates states) {
    this.states = states;
  }

  /** Tracks a batch of target {@code key}; returns the number of stale markers appended. */
  public int track(String key, IndexedBatch batch) {
    TargetHeader header = states.header(key);
    long timestamp = batch.timestampMs();
    if (header != null && timestamp <= header.lastScrapeMs()) {
      return 0;
    }
    long interval = batch.target().getIntervalMs();
    int count = batch.chunk().getCount();
    SeriesSet earlierChunks = null;
    boolean hadReport = batch.report().isPresent();
    if (count > 1) {
      TargetStates.Chunks chunks = states.chunks(key);
      boolean sameScrape = chunks != null && chunks.timestampMs() == timestamp;
      if (batch.chunk().getIndex() + 1 < count) {
        keepChunk(key, batch, sameScrape ? chunks : null, header);
        return 0;
      }
      states.deleteChunks(key);
      earlierChunks = sameScrape ? chunks.series() : null;
      hadReport |= sameScrape && chunks.hadReport();
    }
    return compare(key, batch, new Scrape(header, earlierChunks, hadReport, interval));
  }

  private record Scrape(
      TargetHeader header, SeriesSet earlierChunks, boolean hadReport, long intervalMs) {}

  private int compare(String key, IndexedBatch batch, Scrape scrape) {
    int seriesAdded = scrape.hadReport() ? ReportSeries.appendSeriesAdded(batch) : -1;
    TargetHeader header = scrape.header();
    long layout = batch.chunk().getCount() > 1 ? ScrapeLayout.UNKNOWN : ScrapeLayout.of(batch);
    Change change =
        header != null && layout != ScrapeLayout.UNKNOWN && header.layout() == layout
            ? new Change(header.fingerprint(), 0, 0)
            : walk(key, batch, scrape);
    if (seriesAdded >= 0) {
      batch.setAppendedValueBits(seriesAdded, Double.doubleToRawLongBits(change.added()));
    }
    long timestamp = batch.timestampMs();
    states.putHeader(
        key,
        new TargetHeader(timestamp, timestamp, scrape.intervalMs(), change.fingerprint(), layout));
    return change.markers();
  }

  /** The scrape's fingerprint, its stale markers and its new series. */
  private record Change(Fingerprint fingerprint, int markers, int added) {}

  /**
   * Hashes every series; when the fingerprint differs from the header's, compares the series with
   * the stored set, appends the markers and stores the new set.
   */
  private Change walk(String key, IndexedBatch batch, Scrape scrape) {
    ScrapeSeries current = ScrapeSeries.of(batch, scrape.earlierChunks());
    Fingerprint fingerprint = current.fingerprint();
    TargetHeader header = scrape.header();
    if (header != null && header.fingerprint().equals(fingerprint)) {
      return new Change(fingerprint, 0, 0);
    }
    SeriesSet previous = header == null ? SeriesSet.empty() : states.seriesSet(key);
    ScrapeSeries.Comparison comparison = current.compareWith(previous);
    int markers = StaleMarkers.append(batch, previous, comparison.removed());
    states.putSeriesSet(key, SeriesSetWriter.write(batch.target(), comparison.kept()));
    return new Change(fingerprint, markers, comparison.added());
  }

  private void keepChunk(
      String key, IndexedBatch batch, TargetStates.Chunks earlier, TargetHeader header) {
    ScrapeSeries series = ScrapeSeries.of(batch, earlier == null ? null : earlier.series());
    ScrapeSeries.Comparison all = series.compareWith(SeriesSet.empty());
    boolean hadReport = batch.report().isPresent() || (earlier != null && earlier.hadReport());
    states.putChunks(
        key, batch.timestampMs(), hadReport, SeriesSetWriter.write(batch.target(), all.kept()));
    if (header != null) {
      states.putHeader(key, header.seenAt(batch.timestampMs(), batch.target().getIntervalMs()));
    }
  }
}
