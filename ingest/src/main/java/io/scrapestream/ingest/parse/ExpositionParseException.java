package io.scrapestream.ingest.parse;

/** The body is not a valid exposition; the message names the line, the column and the problem. */
public final class ExpositionParseException extends Exception {

  private static final long serialVersionUID = 1L;

  private final int line;
  private final int column;

  /**
   * @param line 1-based line number
   * @param column 1-based byte column within the line
   * @param detail what is wrong, for example {@code expected '=' after label name. Found: '}'}
   */
  public ExpositionParseException(int line, int column, String detail) {
    super("line " + line + ", column " + column + ": " + detail);
    this.line = line;
    this.column = column;
  }

  /** The 1-based line of the problem. */
  public int line() {
    return line;
  }

  /** The 1-based column (in bytes from the start of the line) of the problem. */
  public int column() {
    return column;
  }
}
