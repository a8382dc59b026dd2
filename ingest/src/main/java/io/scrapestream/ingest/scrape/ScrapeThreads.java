package io.scrapestream.ingest.scrape;

/**
 * How many scrape threads a scraper runs: one per core, at least {@link #MIN} and at most {@link
 * #MAX}, and never more than it has static targets (with an allocator the number of targets is not
 * known up front).
 *
 * <p>Fewer threads cost less CPU per sample: a thread's symbol index, parser symbols and buffers
 * stay in the caches when it runs many scrapes in a row, and fewer threads wake and park. On 2
 * cores, 200 targets at 1 s, at steady state (bench/README.md, sixth pass), CPU-s per million
 * samples for the process, loaded machine / quiet machine: 16 threads 1.60 / 0.96, 8 1.55 / 0.97, 4
 * 1.12 / 0.83, 2 1.09 / 0.67 (but 2 fell behind under load: 0.5 % of the scrapes missed). Too few
 * threads delay scrapes behind a stalled target instead: each target that sends nothing holds a
 * thread until its {@code scrape_timeout} (at most its interval), so {@code n} threads keep every
 * other target on time while up to {@code n - 1} targets stall at once; hence at least 4.
 */
public final class ScrapeThreads {
  /** Threads per core. */
  static final int PER_CORE = 1;

  /** The fewest threads: three stalled targets at once still leave one scraping. */
  static final int MIN = 4;

  /** The most threads, whatever the cores. */
  static final int MAX = 16;

  private ScrapeThreads() {}

  /**
   * The thread count for {@code cores} cores and, when not allocated, {@code staticTargets} targets
   * (at least 2: one stalled target never stops the others).
   */
  public static int count(int cores, boolean allocated, int staticTargets) {
    if (cores < 1) {
      throw new IllegalArgumentException("cores must be at least 1. Found: " + cores);
    }
    int threads = Math.max(MIN, Math.min(MAX, PER_CORE * cores));
    return allocated ? threads : Math.max(2, Math.min(threads, staticTargets));
  }
}
