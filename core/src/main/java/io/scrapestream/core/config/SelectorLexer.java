package io.scrapestream.core.config;

/**
 * Splits a label selector into tokens as Kubernetes does: the symbols {@code ! != = == ( ) , < >},
 * and identifiers (any run of other non-whitespace characters, including the words {@code in} and
 * {@code notin}). Whitespace separates tokens and is otherwise ignored.
 */
final class SelectorLexer {
  private final String text;
  private final String symbols;
  private int position;
  private Token peeked;

  /** One token and where it starts (0-based). */
  record Token(String text, int start, boolean isIdentifier) {
    boolean isEnd() {
      return start < 0;
    }

    boolean is(String symbol) {
      return !isIdentifier && !isEnd() && text.equals(symbol);
    }

    String describe() {
      return isEnd() ? "the end" : "\"" + text + "\"";
    }
  }

  SelectorLexer(String text, String symbols) {
    this.text = text;
    this.symbols = symbols;
  }

  Token peek() {
    if (peeked == null) {
      peeked = read();
    }
    return peeked;
  }

  Token next() {
    Token token = peek();
    peeked = null;
    return token;
  }

  /** An exception saying what was expected and what was found where. */
  IllegalArgumentException error(String expectation, Token found) {
    String where = found.isEnd() ? "" : " at position " + found.start();
    return new IllegalArgumentException(
        expectation + ", found " + found.describe() + where + " in \"" + text + "\"");
  }

  private Token read() {
    while (position < text.length() && Character.isWhitespace(text.charAt(position))) {
      position++;
    }
    if (position >= text.length()) {
      return new Token("", -1, false);
    }
    int start = position;
    char c = text.charAt(position);
    if (symbols.indexOf(c) >= 0) {
      boolean pair =
          (c == '!' || c == '=')
              && position + 1 < text.length()
              && text.charAt(position + 1) == '=';
      position += pair ? 2 : 1;
      return new Token(text.substring(start, position), start, false);
    }
    while (position < text.length()
        && !Character.isWhitespace(text.charAt(position))
        && symbols.indexOf(text.charAt(position)) < 0) {
      position++;
    }
    return new Token(text.substring(start, position), start, true);
  }
}
