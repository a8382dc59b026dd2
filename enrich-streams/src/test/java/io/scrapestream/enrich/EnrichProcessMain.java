package io.scrapestream.enrich;

import io.scrapestream.core.config.ConfigLoader;
import io.scrapestream.core.config.ScrapestreamConfig;
import io.scrapestream.enrich.topology.EnrichListener;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Runs {@link EnrichApp} in a JVM of its own, so that a test can kill it (SIGKILL, no shutdown
 * hook, no commit) in the middle of a stream. Arguments: the config file, the state directory.
 * Prints {@code RUNNING} once every task is processing.
 */
public final class EnrichProcessMain {
  private EnrichProcessMain() {}

  public static void main(String[] args) throws Exception {
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
