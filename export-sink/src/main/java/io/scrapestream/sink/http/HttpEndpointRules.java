package io.scrapestream.sink.http;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The checks every HTTP exporter endpoint (remote write, OTLP, {@code _bulk}) makes of its backend
 * name, URL, timeout and extra headers, with the same messages, and the URL as logs may show it.
 */
public final class HttpEndpointRules {
  /** Headers the JDK HTTP client refuses to let a caller set. */
  public static final Set<String> CLIENT_RESTRICTED_HEADERS =
      Set.of("connection", "content-length", "expect", "host", "upgrade");

  private HttpEndpointRules() {}

  /**
   * Adds to {@code problems} what is wrong with the common parts of an endpoint.
   *
   * @param reserved lower-case names of headers the exporter sets itself (besides {@link
   *     #CLIENT_RESTRICTED_HEADERS})
   */
  public static void check(Common endpoint, Set<String> reserved, List<String> problems) {
    if (endpoint.backend() == null || endpoint.backend().isBlank()) {
      problems.add("backend: must not be blank. Found: " + endpoint.backend());
    }
    checkUrl(endpoint.url(), problems);
    Duration timeout = endpoint.timeout();
    if (timeout == null || timeout.isNegative() || timeout.isZero()) {
      problems.add("timeout: must be positive. Found: " + timeout);
    }
    if (endpoint.headers() == null) {
      problems.add("headers: must not be null. Found: null");
    } else {
      endpoint.headers().forEach((name, value) -> checkHeader(name, value, reserved, problems));
    }
  }

  /** The parts every endpoint has. */
  public record Common(String backend, URI url, Duration timeout, Map<String, String> headers) {}

  /** The URL without user information, safe for logs and error messages. */
  public static String redacted(URI url) {
    return url.getRawUserInfo() == null
        ? url.toString()
        : url.toString().replace(url.getRawUserInfo() + "@", "");
  }

  private static void checkUrl(URI url, List<String> problems) {
    String scheme = url == null ? null : url.getScheme();
    if (scheme == null
        || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
        || url.getHost() == null) {
      String found = url == null ? "null" : url.toString().replaceAll("//[^/@]*@", "//");
      problems.add("url: must be an absolute http or https URL with a host. Found: " + found);
    }
  }

  private static void checkHeader(
      String name, String value, Set<String> reserved, List<String> problems) {
    String lower = name == null ? null : name.toLowerCase(Locale.ROOT);
    if (name == null || name.isBlank()) {
      problems.add("headers: a name must not be blank. Found: " + name);
    } else if (reserved.contains(lower) || CLIENT_RESTRICTED_HEADERS.contains(lower)) {
      problems.add("headers: must not set a header the exporter sets. Found: " + name);
    } else if (value == null) {
      problems.add("headers." + name + ": must have a value. Found: null");
    }
  }
}
