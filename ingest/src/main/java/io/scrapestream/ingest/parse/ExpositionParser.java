package io.scrapestream.ingest.parse;

/** Parses one exposition format, straight from the response bytes. */
public interface ExpositionParser {

  /**
   * Parses {@code body[offset, offset + length)} and reports what it reads to {@code visitor}.
   * Samples before an error have already been visited when the exception is thrown; a caller that
   * needs all-or-nothing discards them. Reusable across scrapes, on any thread: the intern cache
   * belongs to the thread that parses (one bounded cache per thread, shared by every parser that
   * runs on it), not to the parser, so a parser retains almost nothing between scrapes. Not
   * thread-safe: one parse at a time, and not from within a visitor callback of another parse.
   *
   * @throws ExpositionParseException at the first violation of the format, naming its line and
   *     column
   */
  void parse(byte[] body, int offset, int length, SampleVisitor visitor)
      throws ExpositionParseException;
}
