package io.scrapestream.enrich.staleness;

/**
 * An order-independent summary of a set of series hashes: when two scrapes of a target have the
 * same fingerprint their series sets are taken as equal, and the stored set is neither read nor
 * written. Sum and xor of 64-bit hashes plus the count: unequal sets match with odds near 2⁻⁶⁴.
 */
public record Fingerprint(long count, long sum, long xor) {
  public static final Fingerprint EMPTY = new Fingerprint(0, 0, 0);

  public Fingerprint with(long hash) {
    return new Fingerprint(count + 1, sum + hash, xor ^ hash);
  }
}
