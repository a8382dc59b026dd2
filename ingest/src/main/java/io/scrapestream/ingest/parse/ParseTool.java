package io.scrapestream.ingest.parse;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import io.scrapestream.schemas.v1.NativeHistogram;
import java.io.PrintStream;

/**
 * The engine of {@code scrapestream parse}: prints each sample of a body as one JSON line, {@code
 * {"labels":{"__name__":"x","a":"b"},"value":"<as written>","timestamp_ms":123}}, labels in
 * exposition order, {@code timestamp_ms} only when the sample has one. A value the body does not
 * spell (protobuf) is Java's shortest decimal, or {@code NaN}, {@code +Inf}, {@code -Inf}. A native
 * histogram (protobuf) prints {@code "histogram":{...}} instead of {@code "value"}, in the shape
 * {@link HistogramJson} describes.
 */
public final class ParseTool {

  private ParseTool() {}

  /**
   * Parses {@code body} as {@code format}, printing samples to {@code out}. Returns 0, or 1 after
   * printing {@code error: line L, column C: <message>} to {@code err} at the first error (the
   * samples before it are printed).
   */
  public static int run(byte[] body, ExpositionFormat format, PrintStream out, PrintStream err) {
    try {
      format.newParser().parse(body, 0, body.length, new JsonLines(out));
      return 0;
    } catch (ExpositionParseException e) {
      err.println("error: " + e.getMessage());
      return 1;
    } finally {
      out.flush();
      err.flush();
    }
  }

  /** Writes one JSON object per sample. */
  private static final class JsonLines implements RawSampleVisitor {

    private final PrintStream out;
    private final StringBuilder line = new StringBuilder(256);

    JsonLines(PrintStream out) {
      this.out = out;
    }

    @Override
    public void rawSample(
        LabelView labels, long valueBits, boolean hasTimestamp, long timestampMs, String raw) {
      line.setLength(0);
      labels(labels).append(",\"value\":");
      quote(raw);
      if (hasTimestamp) {
        line.append(",\"timestamp_ms\":").append(timestampMs);
      }
      out.println(line.append('}'));
    }

    private StringBuilder quote(String s) {
      line.append('"');
      JsonStringEncoder.getInstance().quoteAsString(s, line);
      return line.append('"');
    }

    @Override
    public void sample(LabelView labels, long valueBits, boolean hasTimestamp, long timestampMs) {
      rawSample(
          labels,
          valueBits,
          hasTimestamp,
          timestampMs,
          valueText(Double.longBitsToDouble(valueBits)));
    }

    @Override
    public void histogram(
        LabelView labels, NativeHistogram histogram, boolean hasTimestamp, long timestampMs) {
      line.setLength(0);
      labels(labels).append(",\"histogram\":");
      HistogramJson.append(histogram, line);
      if (hasTimestamp) {
        line.append(",\"timestamp_ms\":").append(timestampMs);
      }
      out.println(line.append('}'));
    }

    private static String valueText(double v) {
      if (Double.isNaN(v)) {
        return "NaN";
      }
      if (Double.isInfinite(v)) {
        return v > 0 ? "+Inf" : "-Inf";
      }
      return Double.toString(v);
    }

    private StringBuilder labels(LabelView labels) {
      line.append("{\"labels\":{");
      for (int i = 0; i < labels.size(); i++) {
        line.append(i == 0 ? "" : ",");
        quote(labels.name(i)).append(':');
        quote(labels.value(i));
      }
      return line.append('}');
    }

    @Override
    public void type(String family, MetricType type) {}

    @Override
    public void help(String family, String help) {}

    @Override
    public void unit(String family, String unit) {}

    @Override
    public void exemplar(LabelView labels, long valueBits, boolean hasTs, long timestampMs) {}
  }
}
