package io.scrapestream.cli.standalone;

import java.util.StringJoiner;

/** The closing summary of a standalone run. */
final class Totals {
  private Totals() {}

  static String describe(PipelineStats.Snapshot s) {
    StringJoiner exported = new StringJoiner(", ");
    s.exported()
        .forEach((backend, samples) -> exported.add(String.format("%s %,d", backend, samples)));
    return String.format(
        "Totals: %,d scrapes (%,d failed), %,d samples scraped, samples exported: %s",
        s.scrapes(),
        s.failedScrapes(),
        s.samplesScraped(),
        exported.length() == 0 ? "none" : exported);
  }
}
