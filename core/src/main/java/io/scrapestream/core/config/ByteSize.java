package io.scrapestream.core.config;

import java.util.Map;
import java.util.Optional;

/**
 * Byte sizes written the Prometheus way ({@code body_size_limit: 10MB}), as Go's {@code
 * units.ParseBase2Bytes} reads them: one or more {@code <number><unit>} terms with units {@code B},
 * {@code KB}/{@code KiB}, {@code MB}/{@code MiB}, {@code GB}/{@code GiB}, {@code TB}/{@code TiB},
 * {@code PB}/{@code PiB} and {@code EB}/{@code EiB}, all powers of 1024; fractions such as {@code
 * 1.5MB} are allowed; {@code 0} alone is zero. {@code kB} is refused, as in Prometheus.
 */
public final class ByteSize {
  private static final Map<String, Long> UNITS =
      Map.ofEntries(
          Map.entry("B", 1L),
          Map.entry("KB", 1L << 10),
          Map.entry("KiB", 1L << 10),
          Map.entry("MB", 1L << 20),
          Map.entry("MiB", 1L << 20),
          Map.entry("GB", 1L << 30),
          Map.entry("GiB", 1L << 30),
          Map.entry("TB", 1L << 40),
          Map.entry("TiB", 1L << 40),
          Map.entry("PB", 1L << 50),
          Map.entry("PiB", 1L << 50),
          Map.entry("EB", 1L << 60),
          Map.entry("EiB", 1L << 60));

  private ByteSize() {}

  /** The number of bytes {@code text} names, or empty when it is not a valid size. */
  public static Optional<Long> parse(String text) {
    if (text.equals("0")) {
      return Optional.of(0L);
    }
    double total = 0;
    int i = 0;
    while (i < text.length()) {
      int numberStart = i;
      while (i < text.length() && (Character.isDigit(text.charAt(i)) || text.charAt(i) == '.')) {
        i++;
      }
      int unitStart = i;
      while (i < text.length() && Character.isLetter(text.charAt(i))) {
        i++;
      }
      Optional<Double> number = number(text.substring(numberStart, unitStart));
      Long unit = UNITS.get(text.substring(unitStart, i));
      if (number.isEmpty() || unit == null) {
        return Optional.empty();
      }
      total += number.get() * unit;
    }
    return text.isEmpty() || total >= 0x1p63 ? Optional.empty() : Optional.of((long) total);
  }

  private static Optional<Double> number(String digits) {
    boolean wellFormed =
        digits.matches("[0-9]*(\\.[0-9]*)?") && digits.chars().anyMatch(Character::isDigit);
    return wellFormed ? Optional.of(Double.parseDouble(digits)) : Optional.empty();
  }

  /**
   * The size in the largest unit that divides it, e.g. {@code 10MiB}, {@code 1536B}; {@code 0B} for
   * zero.
   */
  public static String format(long bytes) {
    String[] names = {"EiB", "PiB", "TiB", "GiB", "MiB", "KiB"};
    for (int shift = 60, n = 0; shift >= 10; shift -= 10, n++) {
      long unit = 1L << shift;
      if (bytes != 0 && bytes % unit == 0) {
        return (bytes / unit) + names[n];
      }
    }
    return bytes + "B";
  }
}
