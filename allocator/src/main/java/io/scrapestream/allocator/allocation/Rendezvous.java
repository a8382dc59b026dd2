package io.scrapestream.allocator.allocation;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;

/**
 * Rendezvous (highest random weight) scores: the score of a (target, scraper) pair is a 64-bit mix
 * of the target's hash and the scraper id's hash, the same in every JVM.
 */
final class Rendezvous {
  private Rendezvous() {}

  /** The first 8 bytes of SHA-256 of each id, in iteration order. */
  static long[] hashes(Collection<String> ids) {
    long[] hashes = new long[ids.size()];
    int i = 0;
    for (String id : ids) {
      hashes[i++] = sha256Prefix(id);
    }
    return hashes;
  }

  /** MurmurHash3's 64-bit finalizer over the pair: a well-spread, order-free score. */
  static long score(long targetHash, long scraperHash) {
    long h = targetHash ^ scraperHash;
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    h ^= h >>> 33;
    return h;
  }

  private static long sha256Prefix(String text) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return ByteBuffer.wrap(digest, 0, 8).getLong();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JVM", e);
    }
  }
}
