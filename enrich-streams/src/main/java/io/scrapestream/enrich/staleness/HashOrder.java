package io.scrapestream.enrich.staleness;

/** Sorts series hashes together with an int per hash (a bottom-up merge sort on primitives). */
final class HashOrder {
  private final long[] hashes;
  private final int[] payloads;
  private final long[] hashBuffer;
  private final int[] payloadBuffer;
  private final int n;

  private HashOrder(long[] hashes, int[] payloads, int n) {
    this.hashes = hashes;
    this.payloads = payloads;
    this.hashBuffer = new long[n];
    this.payloadBuffer = new int[n];
    this.n = n;
  }

  /** Sorts the first {@code n} hashes ascending, moving {@code payloads} along. */
  static void sort(long[] hashes, int[] payloads, int n) {
    HashOrder order = new HashOrder(hashes, payloads, n);
    for (int width = 1; width < n; width *= 2) {
      for (int left = 0; left < n - width; left += 2 * width) {
        order.merge(left, width);
      }
    }
  }

  private void merge(int left, int width) {
    int middle = left + width;
    int right = Math.min(left + 2 * width, n);
    if (hashes[middle - 1] <= hashes[middle]) {
      return;
    }
    System.arraycopy(hashes, left, hashBuffer, left, right - left);
    System.arraycopy(payloads, left, payloadBuffer, left, right - left);
    int i = left;
    int j = middle;
    for (int k = left; k < right; k++) {
      boolean takeLeft = j >= right || (i < middle && hashBuffer[i] <= hashBuffer[j]);
      int from = takeLeft ? i++ : j++;
      hashes[k] = hashBuffer[from];
      payloads[k] = payloadBuffer[from];
    }
  }
}
