package io.scrapestream.ingest.scrape;

import java.util.Arrays;

/**
 * A growing byte array that response bodies are read into, reused by the next body: a scrape thread
 * keeps one, so a body costs no allocation once the array fits it (it was a fresh array per scrape,
 * a third of the scraper's allocation). Bounded: {@link #clear()} gives back an array larger than
 * {@link #RETAINED_CAPACITY}, so one huge body does not keep a huge array. Not thread-safe; a body
 * read into it is valid until the next {@link #clear()}.
 */
final class BodyBuffer {
  /** The capacity of a new buffer, and of one that gave back a large array. */
  static final int INITIAL_CAPACITY = 64 * 1024;

  /** The largest array kept from one body to the next. */
  static final int RETAINED_CAPACITY = 4 * 1024 * 1024;

  /** The longest body an array can hold. */
  static final int MAX_LENGTH = Integer.MAX_VALUE - 16;

  private byte[] bytes = new byte[INITIAL_CAPACITY];
  private int length;

  /** The array; its first {@link #length()} bytes are the body. */
  byte[] bytes() {
    return bytes;
  }

  int length() {
    return length;
  }

  /** The free bytes after the body. */
  int room() {
    return bytes.length - length;
  }

  /** Empties the buffer for the next body, giving back an array over the retained capacity. */
  void clear() {
    length = 0;
    if (bytes.length > RETAINED_CAPACITY) {
      bytes = new byte[INITIAL_CAPACITY];
    }
  }

  /**
   * Makes room for at least {@code more} bytes after the body, growing to at least twice the
   * capacity (so a body of unknown length is copied O(log n) times).
   *
   * @throws IllegalArgumentException when the body would exceed {@link #MAX_LENGTH}
   */
  void reserve(long more) {
    long needed = length + more;
    if (more < 0 || needed > MAX_LENGTH) {
      throw new IllegalArgumentException(
          "a body buffer holds at most "
              + MAX_LENGTH
              + " bytes. Found: "
              + length
              + " held and "
              + more
              + " more");
    }
    if (needed > bytes.length) {
      long grown = Math.min(MAX_LENGTH, Math.max(needed, 2L * bytes.length));
      bytes = Arrays.copyOf(bytes, (int) grown);
    }
  }

  /** Counts {@code n} bytes written into the array after the body. */
  void added(int n) {
    if (n < 0 || n > room()) {
      throw new IllegalArgumentException(
          "added bytes must be within the room of " + room() + ". Found: " + n);
    }
    length += n;
  }
}
