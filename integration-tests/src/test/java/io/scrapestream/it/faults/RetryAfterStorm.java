package io.scrapestream.it.faults;

import io.scrapestream.testsupport.faults.RemoteWriteEndpoint;
import io.scrapestream.testsupport.faults.RemoteWriteEndpoint.Reply;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.Random;

/**
 * A 429 storm: a share of requests, chosen by a seeded random, refused with a {@code Retry-After}
 * of 2 seconds, an HTTP-date 3 s ahead, none, or garbage, in turn.
 */
final class RetryAfterStorm implements RemoteWriteEndpoint.Responder {
  private final Random random;
  private final double share;
  private int refused;

  RetryAfterStorm(Random random, double share) {
    this.random = random;
    this.share = share;
  }

  @Override
  public synchronized Reply answer(int index) {
    if (random.nextDouble() >= share) {
      return Reply.ACCEPT;
    }
    Optional<String> header =
        switch (refused++ % 4) {
          case 0 -> Optional.of("2");
          case 1 ->
              Optional.of(
                  DateTimeFormatter.RFC_1123_DATE_TIME.format(
                      ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(3)));
          case 2 -> Optional.empty();
          default -> Optional.of("soon, please");
        };
    return Reply.throttled(header);
  }
}
