package io.scrapestream.core.config;

import io.scrapestream.core.config.LabelSelector.Operator;
import io.scrapestream.core.config.LabelSelector.Requirement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The recursive-descent parser of {@link LabelSelector}, following {@code
 * k8s.io/apimachinery/pkg/labels/selector.go}: the same tokens, the same key and value rules.
 */
final class LabelSelectorParser {
  private static final Pattern NAME = Pattern.compile("([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]");
  private static final Pattern DNS_SUBDOMAIN =
      Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
  private static final Map<String, Operator> OPERATORS =
      Map.of(
          "=", Operator.EQUALS,
          "==", Operator.EQUALS,
          "!=", Operator.NOT_EQUALS,
          "in", Operator.IN,
          "notin", Operator.NOT_IN,
          ">", Operator.GREATER_THAN,
          "<", Operator.LESS_THAN);

  private final SelectorLexer lexer;

  LabelSelectorParser(String text) {
    this.lexer = new SelectorLexer(text, "=!(),<>");
  }

  List<Requirement> parse() {
    List<Requirement> requirements = new ArrayList<>();
    if (lexer.peek().isEnd()) {
      return requirements;
    }
    while (true) {
      requirements.add(requirement());
      SelectorLexer.Token next = lexer.next();
      if (next.isEnd()) {
        return requirements;
      }
      if (!next.is(",")) {
        throw lexer.error("expected \",\" or the end", next);
      }
    }
  }

  private Requirement requirement() {
    SelectorLexer.Token first = lexer.next();
    boolean negated = first.is("!");
    SelectorLexer.Token keyToken = negated ? lexer.next() : first;
    if (!keyToken.isIdentifier()) {
      throw lexer.error(
          negated ? "expected a key after \"!\"" : "expected a key or \"!\"", keyToken);
    }
    String key = checkKey(keyToken);
    SelectorLexer.Token after = lexer.peek();
    if (negated) {
      return new Requirement(key, Operator.DOES_NOT_EXIST, Set.of());
    }
    if (after.isEnd() || after.is(",")) {
      return new Requirement(key, Operator.EXISTS, Set.of());
    }
    SelectorLexer.Token opToken = lexer.next();
    Operator operator = OPERATORS.get(opToken.text());
    if (operator == null) {
      throw lexer.error(
          "expected one of =, ==, !=, in, notin, >, < after \"" + key + "\"", opToken);
    }
    Set<String> values =
        operator == Operator.IN || operator == Operator.NOT_IN ? valueSet(key) : exactValue();
    if (operator == Operator.GREATER_THAN || operator == Operator.LESS_THAN) {
      checkInteger(values.iterator().next(), opToken);
    }
    return new Requirement(key, operator, values);
  }

  private Set<String> valueSet(String key) {
    SelectorLexer.Token open = lexer.next();
    if (!open.is("(")) {
      throw lexer.error("expected \"(\" after the operator of \"" + key + "\"", open);
    }
    Set<String> values = new LinkedHashSet<>();
    while (true) {
      SelectorLexer.Token token = lexer.next();
      if (token.is(")") && values.isEmpty()) {
        throw lexer.error("expected at least one value in \"in\" or \"notin\"", token);
      }
      String value = "";
      if (token.isIdentifier()) {
        value = checkValue(token);
        token = lexer.next();
      }
      values.add(value);
      if (token.is(")")) {
        return values;
      }
      if (!token.is(",")) {
        throw lexer.error("expected \",\" or \")\" in a value list", token);
      }
    }
  }

  private Set<String> exactValue() {
    SelectorLexer.Token token = lexer.peek();
    if (token.isEnd() || token.is(",")) {
      return Set.of("");
    }
    lexer.next();
    if (!token.isIdentifier()) {
      throw lexer.error("expected a value", token);
    }
    return Set.of(checkValue(token));
  }

  private String checkKey(SelectorLexer.Token token) {
    String key = token.text();
    int slash = key.indexOf('/');
    String prefix = slash < 0 ? null : key.substring(0, slash);
    String name = slash < 0 ? key : key.substring(slash + 1);
    boolean prefixOk =
        prefix == null || prefix.length() <= 253 && DNS_SUBDOMAIN.matcher(prefix).matches();
    if (!prefixOk || name.length() > 63 || !NAME.matcher(name).matches()) {
      throw lexer.error(
          "expected a key of at most 63 characters [A-Za-z0-9._-], starting and ending"
              + " alphanumeric, with an optional DNS subdomain prefix and \"/\"",
          token);
    }
    return key;
  }

  private String checkValue(SelectorLexer.Token token) {
    String value = token.text();
    if (value.length() > 63 || !value.isEmpty() && !NAME.matcher(value).matches()) {
      throw lexer.error(
          "expected a value of at most 63 characters [A-Za-z0-9._-], starting and ending"
              + " alphanumeric",
          token);
    }
    return value;
  }

  private void checkInteger(String value, SelectorLexer.Token operator) {
    try {
      Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw lexer.error("expected an integer value after \"" + operator.text() + "\"", operator);
    }
  }
}
