package io.scrapestream.core.relabel;

/**
 * The parse errors of Go's {@code regexp/syntax}, with Go's own texts, so that a rejected regex
 * reads as Prometheus would report it: {@code error parsing regexp: <code>: `<expr>`}. A hint may
 * follow in parentheses to name a construct RE2 does not have.
 */
enum Re2Error {
  INVALID_CHAR_RANGE("invalid character class range"),
  INVALID_ESCAPE("invalid escape sequence"),
  INVALID_NAMED_CAPTURE("invalid named capture"),
  INVALID_PERL_OP("invalid or unsupported Perl syntax"),
  INVALID_REPEAT_OP("invalid nested repetition operator"),
  INVALID_REPEAT_SIZE("invalid repeat count"),
  INVALID_UTF8("invalid UTF-8"),
  MISSING_BRACKET("missing closing ]"),
  MISSING_PAREN("missing closing )"),
  MISSING_REPEAT_ARGUMENT("missing argument to repetition operator"),
  TRAILING_BACKSLASH("trailing backslash at end of expression"),
  UNEXPECTED_PAREN("unexpected )"),
  NESTING_DEPTH("expression nests too deeply");

  private final String text;

  Re2Error(String text) {
    this.text = text;
  }

  IllegalArgumentException at(String expr) {
    return at(expr, "");
  }

  IllegalArgumentException at(String expr, String hint) {
    String message = "error parsing regexp: " + text + ": `" + expr + "`";
    return new IllegalArgumentException(hint.isEmpty() ? message : message + " (" + hint + ")");
  }
}
