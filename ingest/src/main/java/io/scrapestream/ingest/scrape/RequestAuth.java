package io.scrapestream.ingest.scrape;

import io.scrapestream.core.config.HttpAuth;
import io.scrapestream.core.config.SecretSource;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * The {@code Authorization} header of a scrape, with files read anew at every scrape (so that a
 * rotated token works at once), as Prometheus's round trippers do.
 */
final class RequestAuth {
  private RequestAuth() {}

  static Optional<String> header(HttpAuth auth) throws ScrapeException {
    if (auth instanceof HttpAuth.Basic basic) {
      String username = read(basic.username(), "unable to read basic auth username");
      String password = read(basic.password(), "unable to read basic auth password");
      byte[] pair = (username + ":" + password).getBytes(StandardCharsets.UTF_8);
      return Optional.of("Basic " + Base64.getEncoder().encodeToString(pair));
    }
    if (auth instanceof HttpAuth.Authorization authorization) {
      String credentials =
          read(authorization.credentials(), "unable to read authorization credentials");
      return Optional.of(authorization.type() + " " + credentials);
    }
    return Optional.empty();
  }

  private static String read(Optional<SecretSource> source, String what) throws ScrapeException {
    return source.isEmpty() ? "" : ScrapeErrors.readSecret(source.get(), what);
  }
}
