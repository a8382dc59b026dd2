package io.scrapestream.core.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import com.fasterxml.jackson.dataformat.yaml.snakeyaml.error.Mark;
import com.fasterxml.jackson.dataformat.yaml.snakeyaml.error.MarkedYAMLException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads YAML text into a {@link YamlNode} tree with Jackson's YAML parser. Only {@code true} and
 * {@code false} are booleans ({@code yes}, {@code on}, {@code NO} stay strings), an empty value is
 * null, a repeated key is a problem, and aliases ({@code *name}) are refused because Jackson's
 * streaming parser cannot resolve them. A syntax error is one problem naming its line and column.
 */
final class YamlTreeParser {
  private static final YAMLFactory FACTORY =
      YAMLFactory.builder()
          .enable(YAMLParser.Feature.PARSE_BOOLEAN_LIKE_WORDS_AS_STRINGS)
          .enable(YAMLParser.Feature.EMPTY_STRING_AS_NULL)
          .build();
  private static final YamlNode EMPTY_DOCUMENT = new YamlNode.Scalar("", YamlNode.Kind.NULL);

  private final YAMLParser parser;
  private final ConfigProblems problems;

  private YamlTreeParser(YAMLParser parser, ConfigProblems problems) {
    this.parser = parser;
    this.problems = problems;
  }

  /**
   * Parses one YAML document. An empty text or document gives a null scalar. Returns empty after
   * recording the problem when the text is not valid YAML.
   */
  static Optional<YamlNode> parse(String yaml, ConfigProblems problems) {
    try (YAMLParser parser = FACTORY.createParser(yaml)) {
      return Optional.of(new YamlTreeParser(parser, problems).document());
    } catch (JsonProcessingException e) {
      problems.add(syntaxErrorPosition(e), "invalid YAML: " + syntaxErrorText(e));
    } catch (IOException e) {
      throw new UncheckedIOException("reading YAML from a string failed", e);
    }
    return Optional.empty();
  }

  /*
   * Jackson 2 exposes SnakeYAML's own problem text and position only through this deprecated
   * wrapper (kept for compatibility since 2.8); its JsonLocation can point at the token before the
   * problem. Jackson 3 replaces the whole package, so this stays contained here.
   */
  @SuppressWarnings("deprecation")
  private static String syntaxErrorPosition(JsonProcessingException e) {
    if (e instanceof MarkedYAMLException marked && marked.getProblemMark() != null) {
      Mark mark = marked.getProblemMark();
      return at(mark.getLine() + 1, mark.getColumn() + 1);
    }
    return at(e.getLocation());
  }

  @SuppressWarnings("deprecation")
  private static String syntaxErrorText(JsonProcessingException e) {
    if (e instanceof MarkedYAMLException marked && marked.getProblem() != null) {
      return marked.getProblem().strip();
    }
    return e.getOriginalMessage().strip();
  }

  private YamlNode document() throws IOException {
    JsonToken first = parser.nextToken();
    if (first == null) {
      return EMPTY_DOCUMENT;
    }
    YamlNode root = node("", first);
    if (parser.nextToken() != null) {
      problems.add(
          at(parser.currentTokenLocation()),
          "must hold a single YAML document. Found: another document");
    }
    return root;
  }

  private YamlNode node(String path, JsonToken token) throws IOException {
    if (parser.isCurrentAlias()) {
      problems.add(path, "must not be a YAML alias", "*" + parser.getText());
      return new YamlNode.Scalar("", YamlNode.Kind.NULL);
    }
    return switch (token) {
      case START_OBJECT -> mapping(path);
      case START_ARRAY -> sequence(path);
      case VALUE_NUMBER_INT -> scalar(YamlNode.Kind.INTEGER);
      case VALUE_NUMBER_FLOAT -> scalar(YamlNode.Kind.FLOAT);
      case VALUE_TRUE, VALUE_FALSE -> scalar(YamlNode.Kind.BOOLEAN);
      case VALUE_NULL -> scalar(YamlNode.Kind.NULL);
      default -> scalar(YamlNode.Kind.STRING);
    };
  }

  private YamlNode scalar(YamlNode.Kind kind) throws IOException {
    String text = parser.getText();
    return new YamlNode.Scalar(text == null ? "" : text, kind);
  }

  private YamlNode mapping(String path) throws IOException {
    Map<String, YamlNode> entries = new LinkedHashMap<>();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String key = parser.currentName();
      JsonLocation keyLocation = parser.currentTokenLocation();
      String keyPath = ConfigProblems.key(path, key);
      YamlNode value = node(keyPath, parser.nextToken());
      if (entries.putIfAbsent(key, value) != null) {
        problems.add(keyPath, "must appear only once in a mapping", "again at " + at(keyLocation));
      }
    }
    return new YamlNode.Mapping(entries);
  }

  private YamlNode sequence(String path) throws IOException {
    List<YamlNode> items = new ArrayList<>();
    JsonToken token;
    while ((token = parser.nextToken()) != JsonToken.END_ARRAY && token != null) {
      items.add(node(ConfigProblems.index(path, items.size()), token));
    }
    return new YamlNode.Sequence(items);
  }

  private static String at(JsonLocation location) {
    return location == null ? "unknown position" : at(location.getLineNr(), location.getColumnNr());
  }

  private static String at(int line, int column) {
    return "line " + line + ", column " + column;
  }
}
