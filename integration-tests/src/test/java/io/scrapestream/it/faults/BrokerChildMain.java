package io.scrapestream.it.faults;

import io.scrapestream.broker.BrokerSettings;
import io.scrapestream.broker.EmbeddedKafkaBroker;
import java.nio.file.Path;

/**
 * The embedded KRaft broker in a JVM of its own, as {@code BrokerMain} runs it, so that a scenario
 * can kill it with SIGKILL and start it again on the same data directory and port. Arguments: data
 * directory, port. Prints {@code RUNNING} once it serves clients.
 */
public final class BrokerChildMain {
  private BrokerChildMain() {}

  public static void main(String[] args) throws InterruptedException {
    EmbeddedKafkaBroker.start(
        BrokerSettings.inDirectory(Path.of(args[0])).withPort(Integer.parseInt(args[1])));
    System.out.println("RUNNING");
    System.out.flush();
    Thread.currentThread().join();
  }
}
