package io.scrapestream.broker;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the embedded broker as a process of its own, for benchmarks and scripts: {@code java -cp
 * scrapestream.jar io.scrapestream.broker.BrokerMain DATA_DIR [PORT]}. Prints {@code
 * bootstrap.servers=HOST:PORT} on standard output once the broker serves clients, then runs until
 * the JVM is asked to stop (SIGTERM, Ctrl-C), when it closes the broker.
 */
public final class BrokerMain {
  static final String USAGE = "usage: BrokerMain DATA_DIR [PORT]";

  private BrokerMain() {}

  public static void main(String[] args) throws InterruptedException {
    BrokerSettings settings;
    try {
      settings = settings(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    EmbeddedKafkaBroker broker = start(settings, System.out);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  broker.close();
                  stopped.countDown();
                },
                "broker-shutdown"));
    stopped.await();
  }

  /** Starts the broker and prints its {@code bootstrap.servers} line on {@code out}. */
  static EmbeddedKafkaBroker start(BrokerSettings settings, PrintStream out) {
    EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(settings);
    out.println("bootstrap.servers=" + broker.bootstrapServers());
    out.flush();
    return broker;
  }

  /** The broker settings the command line asks for: a data directory and an optional port. */
  static BrokerSettings settings(String[] args) {
    if (args.length < 1 || args.length > 2) {
      throw new IllegalArgumentException(
          USAGE + ". Found " + args.length + " arguments: " + String.join(" ", args));
    }
    BrokerSettings settings = BrokerSettings.inDirectory(Path.of(args[0]));
    return args.length == 1 ? settings : settings.withPort(port(args[1]));
  }

  private static int port(String value) {
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("PORT must be a number 0..65535. Found: " + value, e);
    }
  }
}
