package io.scrapestream.core.relabel;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A relabeling regular expression in RE2 syntax, anchored as Prometheus 3 anchors it: {@code
 * ^(?s:<expression>)$}, so that it must match a whole value and {@code .} matches a newline too.
 * The expression is translated to an equivalent java.util.regex pattern (see {@link
 * Re2Translator}); what RE2 refuses is refused with Go's message, such as {@code error parsing
 * regexp: invalid or unsupported Perl syntax: `(?=`}. Two regexes are equal when their expressions
 * are.
 */
public final class RelabelRegex {
  /** The default of Prometheus, {@code (.*)}; relabel configs that leave regex unset hold it. */
  public static final RelabelRegex DEFAULT = compile("(.*)");

  private final String expression;
  private final Pattern pattern;
  private final List<String> groupNames;
  private final boolean anchoredAtStart;

  private RelabelRegex(String expression, Pattern pattern, Re2Translator.Translation translation) {
    this.expression = expression;
    this.pattern = pattern;
    this.groupNames = translation.groupNames();
    this.anchoredAtStart = translation.anchoredAtStart();
  }

  /**
   * Compiles an RE2 expression.
   *
   * @throws IllegalArgumentException when RE2 would not accept {@code ^(?s:<expression>)$}
   */
  public static RelabelRegex compile(String expression) {
    Objects.requireNonNull(expression, "expression");
    Re2Translator.Translation translation = Re2Translator.translate("^(?s:" + expression + ")$");
    return new RelabelRegex(expression, Pattern.compile(translation.javaPattern()), translation);
  }

  /** The expression as written, without the anchors. */
  public String expression() {
    return expression;
  }

  /**
   * True when the anchored expression matches {@code value} (Go's {@code MatchString}).
   *
   * @throws IllegalStateException when java.util.regex runs out of stack on a very long value (it
   *     recurses once per repetition of a group such as {@code (ab|cd)*}), where RE2 would not
   */
  public boolean matches(String value) {
    return guarded(value, () -> first(pattern.matcher(value)));
  }

  /**
   * The first match in {@code value}, with its submatches (Go's {@code FindStringSubmatchIndex}).
   */
  Optional<MatchResult> match(String value) {
    return guarded(
        value,
        () -> {
          Matcher matcher = pattern.matcher(value);
          return first(matcher) ? Optional.of(matcher.toMatchResult()) : Optional.empty();
        });
  }

  /**
   * When the anchored expression matches all of {@code value}: {@code template} with {@code $1},
   * {@code ${name}}... expanded from that match; empty otherwise.
   */
  public Optional<String> expandMatch(String value, String template) {
    return match(value).map(m -> expand(template, value, m));
  }

  /** The template with {@code $1}, {@code ${name}}... replaced from a match of {@code src}. */
  String expand(String template, String src, MatchResult match) {
    return TemplateExpander.expand(template, src, match, groupNames);
  }

  /**
   * Go's {@code ReplaceAllString}: every non-overlapping match replaced by the expanded template,
   * an empty match right after a previous match left alone.
   */
  String replaceAll(String src, String template) {
    return guarded(src, () -> replaceAllUnguarded(src, template));
  }

  private String replaceAllUnguarded(String src, String template) {
    if (anchoredAtStart) {
      Matcher matcher = pattern.matcher(src);
      return first(matcher)
          ? src.substring(0, matcher.start())
              + expand(template, src, matcher)
              + src.substring(matcher.end())
          : src;
    }
    StringBuilder out = new StringBuilder();
    Matcher matcher = pattern.matcher(src);
    int lastMatchEnd = 0;
    int searchPos = 0;
    while (searchPos <= src.length() && matcher.find(searchPos)) {
      out.append(src, lastMatchEnd, matcher.start());
      if (matcher.end() > lastMatchEnd || matcher.start() == 0) {
        out.append(expand(template, src, matcher));
      }
      lastMatchEnd = matcher.end();
      int width = searchPos < src.length() ? Character.charCount(src.codePointAt(searchPos)) : 0;
      if (searchPos + width > matcher.end()) {
        searchPos += width;
      } else if (searchPos + 1 > matcher.end()) {
        searchPos++;
      } else {
        searchPos = matcher.end();
      }
    }
    return out.append(src, lastMatchEnd, src.length()).toString();
  }

  /**
   * Finds the first match. When every match must start at the beginning of the text (the usual
   * case: nothing in the expression closed the anchoring group early), only that position is tried;
   * otherwise every position is, as Go's search does.
   */
  private boolean first(Matcher matcher) {
    return anchoredAtStart ? matcher.lookingAt() : matcher.find();
  }

  /**
   * Runs a match, turning the StackOverflowError of a deeply recursive match into an exception that
   * a caller can handle per value; the stack is unwound by then and nothing is left behind.
   */
  private <T> T guarded(String value, Supplier<T> match) {
    try {
      return match.get();
    } catch (StackOverflowError e) {
      throw new IllegalStateException(
          "regex "
              + InvalidRelabelConfigException.quote(expression)
              + " needs more stack than this thread has to match a value of "
              + value.length()
              + " characters",
          e);
    }
  }

  /** The java.util.regex pattern the expression was translated to, for tests and debugging. */
  String javaPattern() {
    return pattern.pattern();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof RelabelRegex regex && regex.expression.equals(expression);
  }

  @Override
  public int hashCode() {
    return expression.hashCode();
  }

  @Override
  public String toString() {
    return expression;
  }
}
