package io.scrapestream.ingest.parse;

import java.nio.charset.StandardCharsets;

/**
 * Rewrites a Prometheus text exposition as OpenMetrics 1.0 text with the same samples, for
 * benchmarks and tests: counters named {@code *_total} become counter families without the suffix
 * (unless another family has that name), other counters and untyped families become {@code
 * unknown}, timestamps turn into seconds, and {@code # EOF} ends the body.
 */
final class TextToOpenMetrics extends RecordingVisitorBase {

  private final StringBuilder out = new StringBuilder();
  private final java.util.Set<String> names = new java.util.HashSet<>();
  private String pendingHelpFamily;
  private String pendingHelp;

  static byte[] convert(byte[] text) throws ExpositionParseException {
    TextToOpenMetrics converter = new TextToOpenMetrics();
    RecordingVisitor families = new RecordingVisitor();
    new PrometheusTextParser().parse(text, 0, text.length, families);
    families.events.stream()
        .filter(e -> e.startsWith("TYPE "))
        .forEach(e -> converter.names.add(e.split(" ")[1]));
    new PrometheusTextParser().parse(text, 0, text.length, converter);
    converter.out.append("# EOF\n");
    return converter.out.toString().getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public void help(String family, String help) {
    pendingHelpFamily = family;
    pendingHelp = help;
  }

  @Override
  public void type(String family, MetricType type) {
    boolean total =
        type == MetricType.COUNTER
            && family.endsWith("_total")
            && !names.contains(family.substring(0, family.length() - 6));
    String name = total ? family.substring(0, family.length() - 6) : family;
    String omType =
        switch (type) {
          case COUNTER -> total ? "counter" : "unknown";
          case GAUGE, SUMMARY, HISTOGRAM -> type.name().toLowerCase(java.util.Locale.ROOT);
          default -> "unknown";
        };
    out.append("# TYPE ").append(name).append(' ').append(omType).append('\n');
    if (family.equals(pendingHelpFamily)) {
      out.append("# HELP ").append(name).append(' ').append(escape(pendingHelp)).append('\n');
    }
  }

  @Override
  public void sample(LabelView labels, long valueBits, boolean hasTimestamp, long timestampMs) {
    out.append(labels.value(0));
    if (labels.size() > 1) {
      out.append('{');
      for (int i = 1; i < labels.size(); i++) {
        out.append(i == 1 ? "" : ",").append(labels.name(i)).append("=\"");
        out.append(escape(labels.value(i))).append('"');
      }
      out.append('}');
    }
    out.append(' ').append(RecordingVisitor.value(valueBits));
    if (hasTimestamp) {
      out.append(' ').append(timestampMs / 1000).append('.');
      out.append(String.format("%03d", Math.floorMod(timestampMs, 1000)));
    }
    out.append('\n');
  }

  private static String escape(String s) {
    return s.replace("\\", "\\\\").replace("\n", "\\n").replace("\"", "\\\"");
  }
}
