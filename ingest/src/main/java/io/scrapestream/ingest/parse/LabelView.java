package io.scrapestream.ingest.parse;

/**
 * A read-only view of the labels of the sample or exemplar being visited. The parser reuses the
 * view: it is valid only during the visitor call that received it. The strings come from the
 * parser's intern cache, so keeping them is cheap.
 *
 * <p>Within one {@link ExpositionParser#parse} call, equal names and values are the same {@code
 * String} instance: the cache never evicts during a parse, so a visitor may compare them by
 * identity (or key an identity map with them) for the rest of that parse. Across parses they are
 * often the same instance too, but not always (the cache is bounded and starts over between parses
 * when it outgrows its bound): compare with {@code equals} there.
 */
public interface LabelView {

  /** The number of labels, including {@code __name__} for samples. */
  int size();

  /** The name of label {@code i}, in exposition order. */
  String name(int i);

  /** The value of label {@code i}, unescaped. */
  String value(int i);

  /**
   * A visitor's note on the symbol that spells the name of label {@code i}: the {@code note} last
   * stored on that symbol with this {@code stamp}, or -1. A visitor keeps per-name work (an index,
   * say) on the symbol for as long as its stamp is its own, instead of looking the string up again
   * for every sample. A stamp must be unique to its user and to one period of validity (never 0);
   * notes are per thread, as the symbols are. Views that keep no notes answer -1.
   */
  default int nameNote(int i, long stamp) {
    return -1;
  }

  /** Stores {@code note} (>= 0) on the symbol of label {@code i}'s name, under {@code stamp}. */
  default void nameNote(int i, long stamp, int note) {}

  /** As {@link #nameNote(int, long)}, for the symbol of label {@code i}'s value. */
  default int valueNote(int i, long stamp) {
    return -1;
  }

  /** As {@link #nameNote(int, long, int)}, for the symbol of label {@code i}'s value. */
  default void valueNote(int i, long stamp, int note) {}
}
