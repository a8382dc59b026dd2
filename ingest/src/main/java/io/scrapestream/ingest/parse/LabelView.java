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
}
