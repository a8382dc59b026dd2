package io.scrapestream.ingest.scrape;

/**
 * What one scrape works in, reused by the next scrape on the same thread: the response body, the
 * symbol index, the label arrays, the series and metadata buffers and the set of series seen. Sized
 * by the largest scrape the thread made (never by the number of targets or of series scraped over
 * time), and holding nothing of a scrape's output once the next one {@link #reset()}s it; the
 * symbol index (and the name order keyed by it) keeps its strings across scrapes, bounded by {@link
 * ScrapeSymbols#MAX_KEPT}. One per scrape thread.
 */
final class ScrapeBuffers {
  private static final ThreadLocal<ScrapeBuffers> PER_THREAD =
      ThreadLocal.withInitial(ScrapeBuffers::new);

  /** Cleared by each read into it, not by {@link #reset()}: the body is read before the reset. */
  final BodyBuffer body = new BodyBuffer();

  final ScrapeSymbols symbols = new ScrapeSymbols();
  final MergedLabels labels = new MergedLabels();
  final SeriesWriter series = new SeriesWriter();
  final FamilyMetadataTable families = new FamilyMetadataTable(symbols);
  final ProtoWriter metadata = new ProtoWriter(8 * 1024);
  final SeriesHashSet seen = new SeriesHashSet();
  final NameOrder order = new NameOrder(symbols);

  /** This thread's buffers, reset for a new scrape. */
  static ScrapeBuffers forThisThread() {
    ScrapeBuffers buffers = ofThisThread();
    buffers.reset();
    return buffers;
  }

  /** This thread's buffers, as the last scrape left them. */
  static ScrapeBuffers ofThisThread() {
    return PER_THREAD.get();
  }

  /** Empties every part for a new scrape. */
  void reset() {
    families.clear(); // first: it forgets its family indexes on entries the next line may drop
    symbols.clear();
    labels.clear();
    series.reset();
    metadata.reset();
    seen.clear();
    order.clear();
  }
}
