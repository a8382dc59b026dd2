package io.scrapestream.core.config;

import java.util.List;
import java.util.Objects;

/**
 * A configuration that cannot be used, with every problem found. The message is {@code <source>: N
 * problem(s)} followed by one problem per line, each {@code <path>: <expectation>. Found: <value>}.
 */
public final class ConfigException extends Exception {
  private static final long serialVersionUID = 1L;

  private final String sourceName;
  private final List<String> problems;

  public ConfigException(String sourceName, List<String> problems) {
    super(message(sourceName, problems));
    this.sourceName = sourceName;
    this.problems = List.copyOf(problems);
  }

  /** Where the configuration came from: a file name or what the caller called it. */
  public String sourceName() {
    return sourceName;
  }

  /** Every problem, in the order found; never empty. */
  public List<String> problems() {
    return problems;
  }

  private static String message(String sourceName, List<String> problems) {
    Objects.requireNonNull(sourceName, "sourceName");
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("a ConfigException needs at least one problem");
    }
    String count = problems.size() == 1 ? "1 problem" : problems.size() + " problems";
    return sourceName + ": " + count + "\n" + String.join("\n", problems);
  }
}
