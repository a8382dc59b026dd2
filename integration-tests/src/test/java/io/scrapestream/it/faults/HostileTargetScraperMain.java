package io.scrapestream.it.faults;

import io.scrapestream.core.config.ConfigLoader;
import io.scrapestream.ingest.IngestApp;
import io.scrapestream.ingest.scrape.ScrapeListener;
import io.scrapestream.testsupport.faults.HeapLines;
import java.nio.file.Path;

/**
 * The scraper of {@link HostileTargetIT} in a JVM of its own ({@code -Xmx256m}), so that its heap
 * is measured alone. Argument: the config file. Prints {@code HEAP} lines, then {@code RUNNING}.
 */
public final class HostileTargetScraperMain {
  private HostileTargetScraperMain() {}

  public static void main(String[] args) throws Exception {
    HeapLines.start();
    IngestApp.start(ConfigLoader.load(Path.of(args[0])), ScrapeListener.NO_OP, "it");
    System.out.println("RUNNING");
    System.out.flush();
    Thread.currentThread().join();
  }
}
