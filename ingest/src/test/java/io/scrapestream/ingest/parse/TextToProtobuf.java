package io.scrapestream.ingest.parse;

import io.scrapestream.schemas.clientmodel.Metrics.Bucket;
import io.scrapestream.schemas.clientmodel.Metrics.Counter;
import io.scrapestream.schemas.clientmodel.Metrics.Gauge;
import io.scrapestream.schemas.clientmodel.Metrics.LabelPair;
import io.scrapestream.schemas.clientmodel.Metrics.Metric;
import io.scrapestream.schemas.clientmodel.Metrics.MetricFamily;
import io.scrapestream.schemas.clientmodel.Metrics.Quantile;
import io.scrapestream.schemas.clientmodel.Metrics.Untyped;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Converts a Prometheus text exposition into the same data as delimited {@code MetricFamily}
 * messages, as a client library would expose it: for tests and benchmarks. Samples join the family
 * of the last TYPE line by name and suffix, as {@link TextFamilies} decides; samples without a TYPE
 * become untyped families. Counts are written as integers when they are, else as floats.
 */
final class TextToProtobuf extends RecordingVisitorBase {

  private final List<FamilyBuilder> families = new ArrayList<>();
  private final Map<String, String> helps = new LinkedHashMap<>();
  private FamilyBuilder typed;
  private FamilyBuilder last;

  static byte[] convert(byte[] text) throws ExpositionParseException, IOException {
    TextToProtobuf converter = new TextToProtobuf();
    new PrometheusTextParser().parse(text, 0, text.length, converter);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (FamilyBuilder f : converter.families) {
      f.build(converter.helps.getOrDefault(f.name, "")).writeDelimitedTo(out);
    }
    return out.toByteArray();
  }

  @Override
  public void type(String family, MetricType type) {
    typed = new FamilyBuilder(family, type);
    families.add(typed);
    last = typed;
  }

  @Override
  public void help(String family, String help) {
    helps.put(family, help);
  }

  @Override
  public void sample(LabelView labels, long valueBits, boolean hasTimestamp, long timestampMs) {
    String name = labels.value(0);
    FamilyBuilder f = typed != null && typed.suffixOf(name) != null ? typed : null;
    if (f == null) {
      f = last != null && last.name.equals(name) && last.type == MetricType.UNTYPED ? last : null;
    }
    if (f == null) {
      f = new FamilyBuilder(name, MetricType.UNTYPED);
      families.add(f);
    }
    last = f;
    f.add(labels, Double.longBitsToDouble(valueBits), hasTimestamp ? timestampMs : 0);
  }

  private static final class FamilyBuilder {
    final String name;
    final MetricType type;
    final Map<List<String>, Metric.Builder> metrics = new LinkedHashMap<>();

    FamilyBuilder(String name, MetricType type) {
      this.name = name;
      this.type = type;
    }

    /** The suffix by which {@code sample} joins this family, or null. */
    String suffixOf(String sample) {
      List<String> suffixes =
          switch (type) {
            case SUMMARY -> List.of("", "_sum", "_count");
            case HISTOGRAM -> List.of("_bucket", "_sum", "_count");
            default -> List.of("");
          };
      return suffixes.stream().filter(s -> sample.equals(name + s)).findFirst().orElse(null);
    }

    void add(LabelView labels, double value, long timestampMs) {
      String suffix = suffixOf(labels.value(0));
      String special = type == MetricType.HISTOGRAM ? "le" : "quantile";
      List<String> key = new ArrayList<>();
      String specialValue = null;
      for (int i = 1; i < labels.size(); i++) {
        if ((type == MetricType.HISTOGRAM || type == MetricType.SUMMARY)
            && labels.name(i).equals(special)) {
          specialValue = labels.value(i);
        } else {
          key.add(labels.name(i));
          key.add(labels.value(i));
        }
      }
      Metric.Builder m = metrics.computeIfAbsent(key, k -> newMetric(k, timestampMs));
      switch (type) {
        case COUNTER -> m.setCounter(Counter.newBuilder().setValue(value));
        case GAUGE -> m.setGauge(Gauge.newBuilder().setValue(value));
        case SUMMARY -> summary(m, suffix, specialValue, value);
        case HISTOGRAM -> histogram(m, suffix, specialValue, value);
        default -> m.setUntyped(Untyped.newBuilder().setValue(value));
      }
    }

    private static Metric.Builder newMetric(List<String> key, long timestampMs) {
      Metric.Builder m = Metric.newBuilder();
      for (int i = 0; i < key.size(); i += 2) {
        m.addLabel(LabelPair.newBuilder().setName(key.get(i)).setValue(key.get(i + 1)));
      }
      return timestampMs != 0 ? m.setTimestampMs(timestampMs) : m;
    }

    private static void summary(Metric.Builder m, String suffix, String quantile, double v) {
      switch (suffix) {
        case "_sum" -> m.getSummaryBuilder().setSampleSum(v);
        case "_count" -> m.getSummaryBuilder().setSampleCount((long) v);
        default ->
            m.getSummaryBuilder()
                .addQuantile(Quantile.newBuilder().setQuantile(number(quantile)).setValue(v));
      }
    }

    private static void histogram(Metric.Builder m, String suffix, String le, double v) {
      boolean integral = v == Math.rint(v) && Math.abs(v) < 0x1p53;
      switch (suffix) {
        case "_sum" -> m.getHistogramBuilder().setSampleSum(v);
        case "_count" -> {
          if (integral) {
            m.getHistogramBuilder().setSampleCount((long) v);
          } else {
            m.getHistogramBuilder().setSampleCountFloat(v);
          }
        }
        default -> {
          Bucket.Builder b = Bucket.newBuilder().setUpperBound(number(le));
          m.getHistogramBuilder()
              .addBucket(integral ? b.setCumulativeCount((long) v) : b.setCumulativeCountFloat(v));
        }
      }
    }

    MetricFamily build(String help) {
      MetricFamily.Builder f = MetricFamily.newBuilder().setName(name).setHelp(help);
      f.setType(
          switch (type) {
            case COUNTER -> io.scrapestream.schemas.clientmodel.Metrics.MetricType.COUNTER;
            case GAUGE -> io.scrapestream.schemas.clientmodel.Metrics.MetricType.GAUGE;
            case SUMMARY -> io.scrapestream.schemas.clientmodel.Metrics.MetricType.SUMMARY;
            case HISTOGRAM -> io.scrapestream.schemas.clientmodel.Metrics.MetricType.HISTOGRAM;
            default -> io.scrapestream.schemas.clientmodel.Metrics.MetricType.UNTYPED;
          });
      metrics.values().forEach(f::addMetric);
      return f.build();
    }
  }

  /** A text number, as the text parser reads it ({@code +Inf}, {@code NaN}, decimals). */
  static double number(String text) {
    return switch (text) {
      case "+Inf", "Inf" -> Double.POSITIVE_INFINITY;
      case "-Inf" -> Double.NEGATIVE_INFINITY;
      case "NaN" -> Double.NaN;
      default -> Double.parseDouble(text);
    };
  }
}
