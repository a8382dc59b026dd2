package io.scrapestream.ingest.parse;

/**
 * The body is not a valid exposition; the message names where (line and column for the text
 * formats, metric family and byte offset for the protobuf format) and the problem.
 */
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

  private ExpositionParseException(String message) {
    super(message);
    this.line = 0;
    this.column = 0;
  }

  /**
   * An error in a binary (protobuf) body, where lines mean nothing: {@code metric family <n> at
   * byte <offset>: <detail>}. Its {@link #line()} and {@link #column()} are 0.
   *
   * @param family 1-based index of the length-delimited metric family
   * @param byteOffset offset of the problem from the start of the body
   */
  public static ExpositionParseException inBinary(int family, long byteOffset, String detail) {
    return new ExpositionParseException(
        "metric family " + family + " at byte " + byteOffset + ": " + detail);
  }

  /** The 1-based line of the problem; 0 in a binary body. */
  public int line() {
    return line;
  }

  /**
   * The 1-based column (in bytes from the start of the line) of the problem; 0 in a binary body.
   */
  public int column() {
    return column;
  }
}
