package io.scrapestream.core.relabel;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * Translates an RE2 expression (Go's {@code regexp} with Perl flags) into a java.util.regex pattern
 * that matches the same strings with the same submatches, following Go's parser step by step so
 * that it refuses exactly what Go refuses, with Go's messages. Constructs that RE2 lacks but Java
 * has (lookaround, backreferences, possessive quantifiers, atomic groups, class intersection) are
 * refused or read as RE2 reads them. Capture names are kept aside and every group is emitted
 * unnamed, since Java names are stricter than RE2's.
 */
final class Re2Translator {
  static final int FOLD_CASE = 1;
  static final int DOT_NL = 2;
  static final int MULTI_LINE = 4;
  static final int UNGREEDY = 8;
  private static final int MAX_NESTING = 1000;
  private static final String ANY_CHAR = "[\\x{0}-\\x{10ffff}]";

  /**
   * A translated expression, the RE2 name of each group (index 0 being the whole match), and
   * whether every match must start at the beginning of the text.
   */
  record Translation(String javaPattern, List<String> groupNames, boolean anchoredAtStart) {
    Translation {
      groupNames = List.copyOf(groupNames);
    }
  }

  private final String re;
  private final Re2Classes classes;
  private final Deque<Re2Fragment.Group> groups = new ArrayDeque<>();
  private final List<String> groupNames = new ArrayList<>(List.of(""));
  private int pos;
  private int flags;
  private int lastRepeatStart = -1;

  private Re2Translator(String re) {
    this.re = re;
    this.classes = new Re2Classes(re);
    groups.push(new Re2Fragment.Group("", 0));
  }

  /** Translates {@code re}; throws IllegalArgumentException with Go's message when RE2 would. */
  static Translation translate(String re) {
    return new Re2Translator(re).run();
  }

  private Translation run() {
    while (pos < re.length()) {
      int tokenStart = pos;
      boolean repeat = step();
      lastRepeatStart = repeat ? tokenStart : -1;
    }
    if (groups.size() > 1) {
      throw Re2Error.MISSING_PAREN.at(re);
    }
    Re2Fragment.Group root = groups.peek();
    return new Translation(root.body(), groupNames, root.startsWithTextStart());
  }

  /** Translates one token; returns whether it was a repetition operator. */
  private boolean step() {
    char c = re.charAt(pos);
    if (c == '*' || c == '+' || c == '?') {
      return repeat(pos + 1, String.valueOf(c), new int[] {0, 0}, false);
    }
    if (c == '{') {
      return countedRepeat();
    }
    switch (c) {
      case '(' -> openGroup();
      case '|' -> advance(1).startAlternative();
      case ')' -> closeGroup();
      case '^', '$', '.' -> add(advance(1), anchorOrDot(c));
      case '[' -> addClass(classes.bracketed(pos));
      case '\\' -> backslash();
      default -> {
        int codePoint = Re2Escapes.codePointAt(re, pos);
        literal(codePoint, pos + Character.charCount(codePoint));
      }
    }
    return false;
  }

  /** RE2's {@code ^}, {@code $} and {@code .} under the current flags. */
  private Re2Fragment.Item anchorOrDot(char c) {
    return switch (c) {
      case '^' -> Re2Assertions.lineStart(has(MULTI_LINE));
      case '$' -> Re2Assertions.lineEnd(has(MULTI_LINE));
      default -> Re2Fragment.Item.atom(has(DOT_NL) ? ANY_CHAR : "[^\\x{a}]", false);
    };
  }

  private boolean has(int flag) {
    return (flags & flag) != 0;
  }

  private Re2Fragment.Group advance(int length) {
    pos += length;
    return groups.peek();
  }

  private void add(Re2Fragment.Group group, Re2Fragment.Item item) {
    group.current().add(item);
  }

  private void addClass(Re2Classes.Parsed parsed) {
    pos = parsed.end();
    add(groups.peek(), Re2Fragment.Item.atom(parsed.text(), has(FOLD_CASE)));
  }

  private void literal(int codePoint, int end) {
    pos = end;
    add(groups.peek(), Re2Fragment.Item.atom(Re2Classes.literal(codePoint), has(FOLD_CASE)));
  }

  private void openGroup() {
    if (groups.size() > MAX_NESTING) {
      throw Re2Error.NESTING_DEPTH.at(re);
    }
    if (pos + 1 < re.length() && re.charAt(pos + 1) == '?') {
      Re2Flags.Parsed parsed = Re2Flags.parse(re, pos, flags);
      pos = parsed.end();
      parsed.captureName().ifPresent(name -> push("(", name));
      if (parsed.captureName().isEmpty() && parsed.opensGroup()) {
        groups.push(new Re2Fragment.Group("(?:", flags));
      }
      flags = parsed.flags();
      return;
    }
    pos++;
    push("(", "");
  }

  private void push(String open, String name) {
    groupNames.add(name);
    groups.push(new Re2Fragment.Group(open, flags));
  }

  private void closeGroup() {
    if (groups.size() == 1) {
      throw Re2Error.UNEXPECTED_PAREN.at(re);
    }
    Re2Fragment.Group closed = groups.pop();
    flags = closed.savedFlags();
    add(advance(1), closed.close());
  }

  private void backslash() {
    Optional<Re2Fragment.Item> special = Optional.empty();
    if (pos + 1 < re.length()) {
      special = Re2Assertions.escaped(re.charAt(pos + 1));
    }
    if (special.isPresent()) {
      add(advance(2), special.get());
      return;
    }
    if (pos + 1 < re.length() && re.charAt(pos + 1) == 'Q') {
      quoted();
      return;
    }
    Optional<Re2Classes.Parsed> group = classes.unicode(pos).or(() -> classes.perl(pos));
    if (group.isPresent()) {
      addClass(group.get());
      return;
    }
    Re2Escapes.Escape escape = Re2Escapes.parse(re, pos);
    literal(escape.codePoint(), escape.end());
  }

  /** {@code \Q...\E}: literal text up to {@code \E} or the end of the expression. */
  private void quoted() {
    int close = re.indexOf("\\E", pos + 2);
    int textEnd = close < 0 ? re.length() : close;
    int at = pos + 2;
    while (at < textEnd) {
      int c = Re2Escapes.codePointAt(re, at);
      at += Character.charCount(c);
      add(groups.peek(), Re2Fragment.Item.atom(Re2Classes.literal(c), has(FOLD_CASE)));
    }
    pos = close < 0 ? re.length() : close + 2;
  }

  private boolean countedRepeat() {
    int start = pos;
    Optional<int[]> counts = Re2Repeat.parseCounts(re, pos);
    if (counts.isEmpty()) {
      literal('{', pos + 1);
      return false;
    }
    int[] c = counts.get();
    if (!Re2Repeat.validCounts(c[0], c[1])) {
      throw Re2Error.INVALID_REPEAT_SIZE.at(re.substring(start, c[2]));
    }
    return repeat(c[2], Re2Repeat.javaQuantifier(c[0], c[1]), new int[] {c[0], c[1]}, true);
  }

  /**
   * Applies a repetition operator that starts at {@code pos} and ends at {@code end} to the last
   * operand, as Go's {@code parser.repeat} does.
   */
  private boolean repeat(int end, String quantifier, int[] minMax, boolean counted) {
    int start = pos;
    boolean lazy = has(UNGREEDY);
    if (end < re.length() && re.charAt(end) == '?') {
      end++;
      lazy = !lazy;
    }
    pos = end;
    if (lastRepeatStart >= 0) {
      throw Re2Error.INVALID_REPEAT_OP.at(
          re.substring(lastRepeatStart, end), Re2Repeat.hint(re, start));
    }
    List<Re2Fragment.Item> items = groups.peek().current();
    if (items.isEmpty()) {
      throw Re2Error.MISSING_REPEAT_ARGUMENT.at(re.substring(start, end));
    }
    Re2Fragment.Item operand = items.remove(items.size() - 1);
    int weight =
        counted ? Re2Repeat.weight(minMax[0], minMax[1], operand.weight()) : operand.weight();
    if (counted && (minMax[0] >= 2 || minMax[1] >= 2) && weight > Re2Fragment.MAX_REPEAT) {
      throw Re2Error.INVALID_REPEAT_SIZE.at(re.substring(start, end));
    }
    items.add(operand.repeated(quantifier + (lazy ? "?" : ""), weight));
    return true;
  }
}
