package io.scrapestream.sink.remotewrite;

import java.util.Arrays;

/** A label set as references (name, value, ...) into one request's string table. */
record LabelRefs(int[] refs) {
  @Override
  public boolean equals(Object other) {
    return other instanceof LabelRefs key && Arrays.equals(refs, key.refs);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(refs);
  }

  @Override
  public String toString() {
    return Arrays.toString(refs);
  }
}
