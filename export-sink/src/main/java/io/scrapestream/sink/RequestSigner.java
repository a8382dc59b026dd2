package io.scrapestream.sink;

import java.net.URI;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Signs an HTTP request just before it is sent (e.g. AWS SigV4): an exporter calls it once per
 * attempt, so that every retry carries a fresh signature and date.
 */
@FunctionalInterface
public interface RequestSigner extends AutoCloseable {

  /** Adds nothing. */
  RequestSigner NONE = request -> Map.of();

  /**
   * The headers to add to the request so that it is signed (never {@code Host}, which the HTTP
   * client derives from the URI as the signer does). Their values are credentials: never log them.
   *
   * @throws SigningException when the request cannot be signed now, e.g. no credentials were found
   */
  Map<String, String> sign(Request request);

  /** Releases what the signer holds (e.g. an STS client); never throws a checked exception. */
  @Override
  default void close() {}

  /**
   * What is signed.
   *
   * @param headers the headers that will be sent, in order (without {@code Host})
   * @param body the exact bytes of the body
   */
  record Request(String method, URI uri, Map<String, String> headers, byte[] body) {
    public Request {
      Objects.requireNonNull(method, "method");
      Objects.requireNonNull(uri, "uri");
      headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
      Objects.requireNonNull(body, "body");
    }
  }

  /** A request could not be signed; the message names why, never a credential. */
  final class SigningException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SigningException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
