package io.scrapestream.allocator.kubernetes;

/** Hears that the snapshot under a key changed. */
@FunctionalInterface
interface KindListener<S extends Snapshot> {

  /**
   * Called on the informer's thread; must be quick and must not throw.
   *
   * @param previous the snapshot before, null on addition
   * @param current the snapshot now, null on deletion
   */
  void changed(String key, S previous, S current);
}
