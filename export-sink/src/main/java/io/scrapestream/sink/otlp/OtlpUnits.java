package io.scrapestream.sink.otlp;

import java.util.Map;

/**
 * Prometheus UNIT metadata to OTLP units: the words the OpenTelemetry compatibility specification
 * lists become their UCUM abbreviations; any other unit is kept as written.
 */
final class OtlpUnits {
  private static final Map<String, String> UCUM =
      Map.ofEntries(
          Map.entry("days", "d"),
          Map.entry("hours", "h"),
          Map.entry("minutes", "min"),
          Map.entry("seconds", "s"),
          Map.entry("milliseconds", "ms"),
          Map.entry("microseconds", "us"),
          Map.entry("nanoseconds", "ns"),
          Map.entry("bytes", "By"),
          Map.entry("kibibytes", "KiBy"),
          Map.entry("mebibytes", "MiBy"),
          Map.entry("gibibytes", "GiBy"),
          Map.entry("tebibytes", "TiBy"),
          Map.entry("kilobytes", "kBy"),
          Map.entry("megabytes", "MBy"),
          Map.entry("gigabytes", "GBy"),
          Map.entry("terabytes", "TBy"),
          Map.entry("meters", "m"),
          Map.entry("volts", "V"),
          Map.entry("amperes", "A"),
          Map.entry("joules", "J"),
          Map.entry("watts", "W"),
          Map.entry("grams", "g"),
          Map.entry("celsius", "Cel"),
          Map.entry("hertz", "Hz"),
          Map.entry("percent", "%"));

  private OtlpUnits() {}

  static String toOtlp(String prometheusUnit) {
    return UCUM.getOrDefault(prometheusUnit, prometheusUnit);
  }
}
