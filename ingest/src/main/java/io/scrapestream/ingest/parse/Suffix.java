package io.scrapestream.ingest.parse;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** The sample name suffixes by which samples join their metric family. */
enum Suffix {
  NONE(""),
  TOTAL("_total"),
  CREATED("_created"),
  BUCKET("_bucket"),
  COUNT("_count"),
  SUM("_sum"),
  GCOUNT("_gcount"),
  GSUM("_gsum"),
  INFO("_info");

  private static final Suffix[] COUNTER = {TOTAL, CREATED};
  private static final Suffix[] SUMMARY = {NONE, COUNT, SUM, CREATED};
  private static final Suffix[] HISTOGRAM = {BUCKET, COUNT, SUM, CREATED};
  private static final Suffix[] GAUGEHISTOGRAM = {BUCKET, GCOUNT, GSUM};
  private static final Suffix[] INFO_ONLY = {INFO};
  private static final Suffix[] BARE = {NONE};
  static final Suffix[] TEXT_HISTOGRAM = {NONE, BUCKET, SUM, COUNT};
  static final Suffix[] TEXT_SUMMARY = {NONE, SUM, COUNT};

  final byte[] bytes;

  Suffix(String text) {
    this.bytes = text.getBytes(StandardCharsets.US_ASCII);
  }

  /** Whether {@code name} is {@code family} followed by this suffix. */
  boolean joins(Symbol family, Symbol name) {
    int f = family.bytes.length;
    int n = name.bytes.length;
    return n == f + bytes.length
        && Arrays.equals(name.bytes, 0, f, family.bytes, 0, f)
        && Arrays.equals(name.bytes, f, n, bytes, 0, bytes.length);
  }

  /** The suffixes the OpenMetrics sample names of a family of {@code type} may carry. */
  static Suffix[] allowed(MetricType type) {
    return switch (type) {
      case COUNTER -> COUNTER;
      case SUMMARY -> SUMMARY;
      case HISTOGRAM -> HISTOGRAM;
      case GAUGEHISTOGRAM -> GAUGEHISTOGRAM;
      case INFO -> INFO_ONLY;
      default -> BARE;
    };
  }

  /** The suffix by which {@code name} joins {@code family} among {@code allowed}, or null. */
  static Suffix find(Suffix[] allowed, Symbol family, Symbol name) {
    for (Suffix s : allowed) {
      if (s == NONE ? name == family : s.joins(family, name)) {
        return s;
      }
    }
    return null;
  }

  /** The suffixes for an error message, for example {@code _total, _created}. */
  static String describe(Suffix[] suffixes) {
    StringBuilder sb = new StringBuilder();
    for (Suffix s : suffixes) {
      sb.append(sb.length() == 0 ? "" : ", ")
          .append(s == NONE ? "(nothing)" : new String(s.bytes, StandardCharsets.US_ASCII));
    }
    return sb.toString();
  }
}
