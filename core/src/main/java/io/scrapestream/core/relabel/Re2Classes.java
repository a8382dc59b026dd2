package io.scrapestream.core.relabel;

import java.util.Map;
import java.util.Optional;

/**
 * Character classes of RE2 translated to java.util.regex. Every member is written as a {@code
 * \x{h}} code point or a nested class, so that nothing RE2 reads literally ({@code [}, {@code &&},
 * {@code -} anywhere) takes on a Java meaning. POSIX classes ({@code [[:alpha:]]}) and Perl classes
 * ({@code \d \s \w}) are ASCII as in RE2; RE2's {@code \s} is {@code [\t\n\f\r ]}, without Java's
 * {@code \x0B}.
 */
final class Re2Classes {
  private static final Map<String, String> POSIX =
      Map.ofEntries(
          Map.entry("alnum", "0-9A-Za-z"),
          Map.entry("alpha", "A-Za-z"),
          Map.entry("ascii", "\\x{0}-\\x{7f}"),
          Map.entry("blank", "\\x{9}\\x{20}"),
          Map.entry("cntrl", "\\x{0}-\\x{1f}\\x{7f}"),
          Map.entry("digit", "0-9"),
          Map.entry("graph", "\\x{21}-\\x{7e}"),
          Map.entry("lower", "a-z"),
          Map.entry("print", "\\x{20}-\\x{7e}"),
          Map.entry("punct", "\\x{21}-\\x{2f}\\x{3a}-\\x{40}\\x{5b}-\\x{60}\\x{7b}-\\x{7e}"),
          Map.entry("space", "\\x{9}-\\x{d}\\x{20}"),
          Map.entry("upper", "A-Z"),
          Map.entry("word", "0-9A-Za-z_"),
          Map.entry("xdigit", "0-9A-Fa-f"));
  private static final Map<Character, String> PERL =
      Map.of('d', "0-9", 's', "\\x{9}\\x{a}\\x{c}\\x{d}\\x{20}", 'w', "0-9A-Za-z_");

  /** Java text for a class and the index just after its RE2 text. */
  record Parsed(String text, int end) {}

  private final String re;

  Re2Classes(String re) {
    this.re = re;
  }

  /** Java text of one code point, safe inside and outside a Java class. */
  static String literal(int codePoint) {
    if (codePoint < 0x80 && Re2Escapes.isAlnum(codePoint)) {
      return String.valueOf((char) codePoint);
    }
    return "\\x{" + Integer.toHexString(codePoint) + "}";
  }

  /** Parses the bracketed class starting at {@code start}, which holds {@code [}. */
  Parsed bracketed(int start) {
    int t = start + 1;
    boolean negated = t < re.length() && re.charAt(t) == '^';
    if (negated) {
      t++;
    }
    StringBuilder members = new StringBuilder();
    boolean first = true;
    while (t >= re.length() || re.charAt(t) != ']' || first) {
      first = false;
      t = member(start, t, members);
    }
    return new Parsed((negated ? "[^" : "[") + members + "]", t + 1);
  }

  /** A Perl class such as {@code \d} or {@code \W} at {@code at}, if there is one. */
  Optional<Parsed> perl(int at) {
    if (at + 1 >= re.length() || re.charAt(at) != '\\') {
      return Optional.empty();
    }
    char name = re.charAt(at + 1);
    String members = PERL.get(Character.toLowerCase(name));
    if (members == null) {
      return Optional.empty();
    }
    boolean negated = Character.isUpperCase(name);
    return Optional.of(new Parsed((negated ? "[^" : "[") + members + "]", at + 2));
  }

  /** A Unicode class {@code \pN}, {@code \p{Greek}} or {@code \P{^Greek}} at {@code at}, if any. */
  Optional<Parsed> unicode(int at) {
    if (at + 1 >= re.length()
        || re.charAt(at) != '\\'
        || re.charAt(at + 1) != 'p' && re.charAt(at + 1) != 'P') {
      return Optional.empty();
    }
    return Optional.of(Re2UnicodeClasses.parse(re, at));
  }

  private int member(int start, int t, StringBuilder members) {
    Optional<Parsed> group = posix(t).or(() -> unicode(t)).or(() -> perl(t));
    if (group.isPresent()) {
      members.append(group.get().text());
      return group.get().end();
    }
    Re2Escapes.Escape lo = classChar(start, t);
    Re2Escapes.Escape hi = lo;
    if (lo.end() + 1 < re.length()
        && re.charAt(lo.end()) == '-'
        && re.charAt(lo.end() + 1) != ']') {
      hi = classChar(start, lo.end() + 1);
      if (hi.codePoint() < lo.codePoint()) {
        throw Re2Error.INVALID_CHAR_RANGE.at(re.substring(t, hi.end()));
      }
    }
    members.append(literal(lo.codePoint()));
    if (hi != lo) {
      members.append('-').append(literal(hi.codePoint()));
    }
    return hi.end();
  }

  private Re2Escapes.Escape classChar(int start, int t) {
    if (t >= re.length()) {
      throw Re2Error.MISSING_BRACKET.at(re.substring(start));
    }
    if (re.charAt(t) == '\\') {
      return Re2Escapes.parse(re, t);
    }
    int c = Re2Escapes.codePointAt(re, t);
    return new Re2Escapes.Escape(c, t + Character.charCount(c));
  }

  private Optional<Parsed> posix(int t) {
    if (t + 2 >= re.length() || re.charAt(t) != '[' || re.charAt(t + 1) != ':') {
      return Optional.empty();
    }
    int close = re.indexOf(":]", t + 2);
    if (close < 0) {
      return Optional.empty();
    }
    String name = re.substring(t, close + 2);
    boolean negated = name.startsWith("[:^");
    String members = POSIX.get(name.substring(negated ? 3 : 2, name.length() - 2));
    if (members == null) {
      throw Re2Error.INVALID_CHAR_RANGE.at(name);
    }
    return Optional.of(new Parsed((negated ? "[^" : "[") + members + "]", close + 2));
  }
}
