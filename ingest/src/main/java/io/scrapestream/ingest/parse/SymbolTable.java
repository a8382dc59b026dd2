package io.scrapestream.ingest.parse;

/**
 * A parser's handle on the intern cache: the {@link SymbolStore} of the thread that runs the parse,
 * bound at {@link #beginParse}. A parser object therefore retains no symbols of its own between
 * scrapes (beyond a few it last looked at); the symbols live in one bounded store per scrape thread
 * and are shared by all the targets that thread scrapes.
 *
 * <p>A parse must not start another parse on the same thread from a visitor callback.
 */
final class SymbolTable {

  private static final ThreadLocal<SymbolStore> STORES = ThreadLocal.withInitial(SymbolStore::new);

  private SymbolStore store = STORES.get();
  private SymbolStore lastStore;
  private long lastEpoch = -1;
  private boolean startedOver;

  /**
   * Binds the current thread's store and starts a parse in it; returns the parse's generation (see
   * {@link SymbolStore#beginParse}).
   */
  int beginParse() {
    store = STORES.get();
    int generation = store.beginParse();
    startedOver = store != lastStore || store.epoch() != lastEpoch;
    lastStore = store;
    lastEpoch = store.epoch();
    return generation;
  }

  /** Ends the parse; the store drops its symbols if they outgrew its bound. */
  void endParse() {
    store.trim();
  }

  /**
   * Whether the symbols this parser may still hold from its previous parse are no longer the
   * store's own (the store started over, or this parse runs on another thread): caches of symbols
   * kept across parses must then be dropped.
   */
  boolean startedOver() {
    return startedOver;
  }

  int size() {
    return store.size();
  }

  Symbol intern(byte[] b, int from, int to) {
    return store.intern(b, from, to);
  }

  Symbol intern(byte[] b, int from, int to, int hash) {
    return store.intern(b, from, to, hash);
  }
}
