package io.scrapestream.testsupport.faults;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks that a sender's retries after 429 answers waited as the {@code Retry-After} header asked:
 * a retry is the next request with the same body; its wait runs from the refusal's answer to the
 * retry's arrival.
 */
public final class RetryWaits {
  /** The kinds of {@code Retry-After} value. */
  public enum Kind {
    SECONDS,
    HTTP_DATE,
    MISSING,
    GARBAGE;

    /** Digits: seconds; an RFC 1123 date: HTTP-date; absent: missing; anything else: garbage. */
    public static Kind of(Optional<String> header) {
      if (header.isEmpty()) {
        return MISSING;
      }
      if (header.get().matches("\\d+")) {
        return SECONDS;
      }
      return httpDate(header.get()).isPresent() ? HTTP_DATE : GARBAGE;
    }
  }

  private final Duration floor;
  private final Duration tolerance;

  /**
   * @param floor the shortest wait allowed without a usable header (the sender's backoff floor)
   * @param tolerance clock and timer slack allowed below a header's wait
   */
  public RetryWaits(Duration floor, Duration tolerance) {
    this.floor = floor;
    this.tolerance = tolerance;
  }

  /** One line per 429 whose retry came before its header (or the floor) allowed. */
  public List<String> early(List<RemoteWriteExchange> exchanges) {
    List<String> early = new ArrayList<>();
    for (int i = 0; i < exchanges.size(); i++) {
      RemoteWriteExchange refused = exchanges.get(i);
      Optional<RemoteWriteExchange> retry = retryOf(exchanges, i);
      if (refused.status() == 429 && retry.isPresent() && tooEarly(refused, retry.get())) {
        early.add(
            "Retry-After "
                + refused.retryAfter().orElse("(none)")
                + ": retried after "
                + waitedMs(refused, retry.get())
                + " ms");
      }
    }
    return early;
  }

  /** The shortest wait in ms before a retry, per kind of refusal that was retried. */
  public static Map<Kind, Long> shortest(List<RemoteWriteExchange> exchanges) {
    Map<Kind, Long> shortest = new EnumMap<>(Kind.class);
    for (int i = 0; i < exchanges.size(); i++) {
      RemoteWriteExchange refused = exchanges.get(i);
      Optional<RemoteWriteExchange> retry = retryOf(exchanges, i);
      if (refused.status() == 429 && retry.isPresent()) {
        shortest.merge(Kind.of(refused.retryAfter()), waitedMs(refused, retry.get()), Math::min);
      }
    }
    return shortest;
  }

  private boolean tooEarly(RemoteWriteExchange refused, RemoteWriteExchange retry) {
    long waited = waitedMs(refused, retry);
    return switch (Kind.of(refused.retryAfter())) {
      case SECONDS ->
          waited < Long.parseLong(refused.retryAfter().get()) * 1000 - tolerance.toMillis();
      case HTTP_DATE ->
          retry.arrived().isBefore(httpDate(refused.retryAfter().get()).get().minus(tolerance));
      case MISSING, GARBAGE -> waited < floor.toMillis() - tolerance.toMillis();
    };
  }

  private static long waitedMs(RemoteWriteExchange refused, RemoteWriteExchange retry) {
    return (retry.arrivedNanos() - refused.answeredNanos()) / 1_000_000;
  }

  private static Optional<RemoteWriteExchange> retryOf(List<RemoteWriteExchange> exchanges, int i) {
    return exchanges.subList(i + 1, exchanges.size()).stream()
        .filter(e -> e.bodyHash() == exchanges.get(i).bodyHash())
        .findFirst();
  }

  private static Optional<Instant> httpDate(String value) {
    try {
      return Optional.of(
          ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
