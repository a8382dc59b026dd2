package io.scrapestream.ingest.parse;

/**
 * A read-only view of the labels of the sample or exemplar being visited. The parser reuses the
 * view: it is valid only during the visitor call that received it. The strings come from the
 * parser's intern cache, so keeping them is cheap.
 */
public interface LabelView {

  /** The number of labels, including {@code __name__} for samples. */
  int size();

  /** The name of label {@code i}, in exposition order. */
  String name(int i);

  /** The value of label {@code i}, unescaped. */
  String value(int i);
}
