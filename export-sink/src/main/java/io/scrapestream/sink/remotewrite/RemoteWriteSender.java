package io.scrapestream.sink.remotewrite;

import io.scrapestream.sink.ExportOutcome;
import io.scrapestream.sink.RequestSigner;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts one encoded request, signed anew each time (so that every attempt of a retry has a fresh
 * signature), and reads the answer. Failures to sign, connect or hear back within the timeout are
 * thrown as {@link Failed}, carrying the retryable outcome.
 */
final class RemoteWriteSender {
  private static final Logger LOG = LoggerFactory.getLogger(RemoteWriteSender.class);

  private final RemoteWriteEndpoint endpoint;
  private final HttpClient client;
  private final RequestSigner signer;

  RemoteWriteSender(RemoteWriteEndpoint endpoint, HttpClient client, RequestSigner signer) {
    this.endpoint = endpoint;
    this.client = client;
    this.signer = signer;
  }

  /** The receiver's answer: status, headers and the start of the body. */
  record Reply(int status, HttpHeaders headers, String bodySnippet) {}

  /** The request was not answered; {@link #outcome} says why. */
  static final class Failed extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient ExportOutcome.Retryable outcome;

    Failed(String reason) {
      super(reason, null, false, false);
      this.outcome = new ExportOutcome.Retryable(reason, Optional.empty());
    }

    ExportOutcome.Retryable outcome() {
      return outcome;
    }
  }

  Reply post(RemoteWriteVersion version, byte[] body) throws Failed {
    Map<String, String> signature = sign(version, body);
    try {
      HttpResponse<InputStream> response =
          client.send(
              RemoteWriteProtocol.request(endpoint, version, body, signature),
              HttpResponse.BodyHandlers.ofInputStream());
      return new Reply(response.statusCode(), response.headers(), bodySnippet(response));
    } catch (HttpTimeoutException e) {
      throw failed("no response within " + endpoint.timeout(), e);
    } catch (IOException e) {
      throw failed(describe(e), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Failed("interrupted while sending to " + endpoint.redactedUrl());
    }
  }

  private Map<String, String> sign(RemoteWriteVersion version, byte[] body) throws Failed {
    try {
      return signer.sign(
          new RequestSigner.Request(
              "POST", endpoint.url(), RemoteWriteProtocol.headers(endpoint, version), body));
    } catch (RequestSigner.SigningException e) {
      String reason =
          "cannot sign the request to " + endpoint.redactedUrl() + ": " + e.getMessage();
      LOG.debug("[{}] {}", endpoint.backend(), reason, e);
      throw new Failed(reason);
    }
  }

  private Failed failed(String problem, IOException e) {
    String reason = "POST " + endpoint.redactedUrl() + " failed: " + problem;
    LOG.debug("[{}] {}", endpoint.backend(), reason, e);
    return new Failed(reason);
  }

  private static String bodySnippet(HttpResponse<InputStream> response) throws IOException {
    try (InputStream in = response.body()) {
      return new String(in.readNBytes(RemoteWriteResponses.MAX_BODY_CHARS), StandardCharsets.UTF_8);
    }
  }

  /** The exception's class and the first message along its causes (the JDK's are often null). */
  private static String describe(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t.getMessage() != null) {
        return e.getClass().getSimpleName() + ": " + t.getMessage();
      }
    }
    return e.getClass().getSimpleName();
  }
}
