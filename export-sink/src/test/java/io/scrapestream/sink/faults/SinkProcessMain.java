package io.scrapestream.sink.faults;

import io.scrapestream.core.config.BatchSettings;
import io.scrapestream.sink.SinkApp;
import io.scrapestream.sink.SinkListener;
import java.net.URI;

/**
 * Runs {@link SinkApp} with one remote-write backend in a JVM of its own, so that a test can kill
 * it (SIGKILL: no shutdown hook, no commit) in the middle of a stream. Arguments: bootstrap
 * servers, topic prefix, remote-write URL, batch max samples. Prints {@code RUNNING} once started.
 */
public final class SinkProcessMain {
  private SinkProcessMain() {}

  public static void main(String[] args) throws Exception {
    SinkApp.start(
        FaultConfigs.remoteWrite(
            args[0],
            args[1],
            URI.create(args[2]),
            new BatchSettings(Integer.parseInt(args[3]), FaultConfigs.BATCH.maxDelay())),
        SinkListener.NO_OP);
    System.out.println("RUNNING");
    System.out.flush();
    Thread.currentThread().join();
  }
}
