package io.scrapestream.ingest.scrape.http;

import java.io.EOFException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A response's status line and header fields, read strictly: a status line that is not {@code
 * HTTP/1.x NNN [reason]} and a header line that is not {@code name: value} are errors naming the
 * line. Informational (1xx) responses before the final one are skipped.
 *
 * @param names header names in lower case, in the order received
 * @param values the values, trimmed, at the same index as their names
 */
record ResponseHead(
    int minorVersion, int status, String reason, List<String> names, List<String> values) {
  private static final int MAX_FIELDS = 256;
  private static final int MAX_INFORMATIONAL = 8;

  ResponseHead {
    names = List.copyOf(names);
    values = List.copyOf(values);
    if (names.size() != values.size()) {
      throw new IllegalArgumentException(
          "names and values differ in size: " + names.size() + " vs " + values.size());
    }
  }

  /** Reads a final response's head; EOF before its first byte is an {@link EOFException}. */
  static ResponseHead read(DeadlineInput in) throws IOException {
    for (int skipped = 0; ; skipped++) {
      String line = in.readLine("the status line");
      if (line == null) {
        throw new EOFException("server closed the connection without sending a response");
      }
      StatusLine status = StatusLine.parse(line);
      List<String> names = new ArrayList<>(12);
      List<String> values = new ArrayList<>(12);
      fields(in, names, values);
      if (status.code() >= 200 || status.code() == 101 || skipped == MAX_INFORMATIONAL) {
        return new ResponseHead(
            status.minorVersion(), status.code(), status.reason(), names, values);
      }
    }
  }

  /** Reads header (or trailer) fields up to the empty line that ends them. */
  static void fields(DeadlineInput in, List<String> names, List<String> values) throws IOException {
    while (true) {
      String line = in.readLine("the header fields");
      if (line == null) {
        throw new HttpProtocolException("connection closed in the middle of the header fields");
      }
      if (line.isEmpty()) {
        return;
      }
      if (names.size() == MAX_FIELDS) {
        throw new HttpProtocolException("more than " + MAX_FIELDS + " header fields");
      }
      int colon = line.indexOf(':');
      if (colon <= 0 || !token(line, colon)) {
        throw new HttpProtocolException(
            "malformed MIME header line: " + HttpProtocolException.quote(line));
      }
      names.add(line.substring(0, colon).toLowerCase(Locale.ROOT));
      values.add(line.substring(colon + 1).trim());
    }
  }

  /** Whether the first {@code length} characters are an RFC 9110 token (a field name). */
  private static boolean token(String line, int length) {
    for (int i = 0; i < length; i++) {
      char c = line.charAt(i);
      boolean ok =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /** The first value of a field ({@code name} in lower case). */
  Optional<String> first(String name) {
    int at = names.indexOf(name);
    return at < 0 ? Optional.empty() : Optional.of(values.get(at));
  }

  /** Every value of a field ({@code name} in lower case). */
  List<String> all(String name) {
    List<String> found = new ArrayList<>(1);
    for (int i = 0; i < names.size(); i++) {
      if (names.get(i).equals(name)) {
        found.add(values.get(i));
      }
    }
    return found;
  }

  /** Whether the {@code Connection} field lists {@code option}. */
  boolean connectionHas(String option) {
    for (String value : all("connection")) {
      for (String token : value.split(",")) {
        if (token.trim().equalsIgnoreCase(option)) {
          return true;
        }
      }
    }
    return false;
  }

  /** {@code HTTP/1.x NNN [reason]}. */
  private record StatusLine(int minorVersion, int code, String reason) {
    static StatusLine parse(String line) throws HttpProtocolException {
      boolean valid =
          line.length() >= 12
              && line.startsWith("HTTP/1.")
              && digit(line.charAt(7))
              && line.charAt(8) == ' '
              && line.charAt(9) >= '1'
              && digit(line.charAt(9))
              && digit(line.charAt(10))
              && digit(line.charAt(11))
              && (line.length() == 12 || line.charAt(12) == ' ');
      if (!valid) {
        throw new HttpProtocolException(
            "malformed HTTP status line " + HttpProtocolException.quote(line));
      }
      String reason = line.length() > 13 ? line.substring(13) : "";
      return new StatusLine(line.charAt(7) - '0', Integer.parseInt(line.substring(9, 12)), reason);
    }

    private static boolean digit(char c) {
      return c >= '0' && c <= '9';
    }
  }
}
