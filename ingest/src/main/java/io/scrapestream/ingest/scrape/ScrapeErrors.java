package io.scrapestream.ingest.scrape;

import io.scrapestream.core.config.SecretSource;
import io.scrapestream.ingest.scrape.http.HttpProtocolException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;
import java.util.Locale;
import javax.net.ssl.SSLException;

/** The texts of failed scrapes, worded after Prometheus's (Go's {@code Get "<url>": ...}). */
final class ScrapeErrors {
  private ScrapeErrors() {}

  /** {@code Get "<url>": <reason>}, as Go's {@code url.Error} prints. */
  static ScrapeException request(URI url, String reason) {
    return new ScrapeException("Get \"" + url + "\": " + reason);
  }

  /**
   * What went wrong in an exchange, from the exception thrown (a wrapper may hide the cause that
   * matters, so the whole chain is searched).
   */
  static String describe(Throwable failure) {
    String connect = null;
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof SSLException) {
        return "TLS handshake failed: " + t.getMessage();
      }
      if (t instanceof UnresolvedAddressException || t instanceof UnknownHostException) {
        return "no such host";
      }
      if (t instanceof HttpProtocolException) {
        return t.getMessage();
      }
      if (t instanceof ConnectException && t.getMessage() != null) {
        connect = t.getMessage().toLowerCase(Locale.ROOT);
      } else if (t instanceof ConnectException && connect == null) {
        connect = "connection refused";
      }
    }
    if (connect != null) {
      return "connect: " + connect;
    }
    String message = failure.getMessage();
    return failure.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }

  /**
   * The current text of a secret; an unreadable file is {@code <what>: unable to read file <path>:
   * <reason>}, as Prometheus words it.
   */
  static String readSecret(SecretSource source, String what) throws ScrapeException {
    try {
      return source.read();
    } catch (IOException e) {
      throw new ScrapeException(
          what + ": unable to read " + source.description() + ": " + describe(e));
    }
  }
}
