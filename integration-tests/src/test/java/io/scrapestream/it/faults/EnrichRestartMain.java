package io.scrapestream.it.faults;

import io.scrapestream.core.config.ConfigLoader;
import io.scrapestream.core.config.ScrapestreamConfig;
import io.scrapestream.enrich.EnrichApp;
import io.scrapestream.enrich.topology.EnrichListener;
import io.scrapestream.testsupport.faults.HeapLines;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The enrich app of {@link EnrichRestartIT} in a JVM of its own, so that the test can kill it with
 * SIGKILL. Arguments: the config file, the state directory. Prints {@code HEAP} lines and {@code
 * RUNNING} once every task is processing.
 */
public final class EnrichRestartMain {
  private EnrichRestartMain() {}

  public static void main(String[] args) throws Exception {
    HeapLines.start();
    ScrapestreamConfig config = ConfigLoader.load(Path.of(args[0]));
    EnrichApp app = EnrichApp.start(config, EnrichListener.NO_OP, Optional.of(Path.of(args[1])));
    while (!app.isProcessing()) {
      Thread.sleep(50);
    }
    System.out.println("RUNNING");
    System.out.flush();
    Thread.currentThread().join();
  }
}
