package io.scrapestream.ingest.scrape;

import io.scrapestream.core.config.ScrapeLimits;
import io.scrapestream.core.target.ScrapeTarget;
import io.scrapestream.ingest.parse.ExpositionFormat;
import io.scrapestream.ingest.parse.ExpositionParser;
import io.scrapestream.ingest.parse.LabelView;
import io.scrapestream.ingest.parse.MetricType;
import io.scrapestream.ingest.parse.SampleVisitor;
import io.scrapestream.schemas.v1.ScrapeReport;
import io.scrapestream.schemas.v1.Target;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.ToLongFunction;

/**
 * CPU time and allocation per sample of the scrape path downstream of the parser, on one thread
 * (thread CPU time, so a busy machine does not change the figure): parse only; parse into {@link
 * BatchAssembler} and encode the batch directly (the scraper's path); parse into the message-built
 * reference ({@link MessageBatchAssembler}: a {@code TreeMap} per sample, {@code Series} messages,
 * {@code toByteArray}, as the scraper did before). Run: {@code mvn -B -o -Pjmh -pl ingest
 * test-compile exec:exec -Djmh.main=io.scrapestream.ingest.scrape.ScrapePathCpuTime -Djmh.args=}.
 */
public final class ScrapePathCpuTime {
  private static final int WARMUP_ROUNDS = 3000;
  private static final int ROUNDS = 3000;
  private static final Target TARGET = Target.newBuilder().setKey("00000000000000aa").build();
  private static final ScrapeReport REPORT = ScrapeReport.newBuilder().setUp(true).build();

  private ScrapePathCpuTime() {}

  public static void main(String[] args) throws Exception {
    Path file = expositions().resolve(args.length > 0 ? args[0] : "node_exporter-1.5.0.prom");
    byte[] body = Files.readAllBytes(file);
    ScrapeTarget target = Scrapes.target(URI.create("http://h:1/metrics"), false, true);
    ExpositionParser parser = ExpositionFormat.PROMETHEUS_TEXT.newParser();
    int samples = (int) direct(parser, body, target) - 1; // without the synthetic series
    System.out.printf("%s: %d samples per scrape%n", file.getFileName(), samples);
    if (args.length > 1 && args[1].equals("cold")) {
      measureCold(parser, body, target, samples);
      return;
    }
    measure("parse only", samples, b -> parseOnly(parser, body));
    measure("direct encoding", samples, b -> direct(parser, body, target));
    measure("message-built", samples, b -> messageBuilt(parser, body, target));
  }

  /**
   * As the scraper meets it: each round a fresh copy of the body (the HTTP read) after the caches
   * were filled with other data (other threads, other targets), the cost of which is measured alone
   * and subtracted.
   */
  private static void measureCold(
      ExpositionParser parser, byte[] body, ScrapeTarget target, int samples) {
    long[] other = new long[THRASH_BYTES / 8];
    double thrash = measure("evict only", samples, b -> evict(other, body).length);
    double parse = measure("parse, cold", samples, b -> parseOnly(parser, evict(other, body)));
    double direct =
        measure("direct, cold", samples, b -> direct(parser, evict(other, body), target));
    System.out.printf(
        "cold, eviction subtracted: parse only %.3f, parse + direct encoding %.3f CPU-s per"
            + " million samples%n",
        parse - thrash, direct - thrash);
  }

  private static byte[] evict(long[] other, byte[] body) {
    for (int i = 0; i < other.length; i += 8) {
      other[i]++;
    }
    return body.clone();
  }

  private static final int THRASH_BYTES = 8 << 20;

  private static double measure(String name, int samples, ToLongFunction<Void> round) {
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long checksum = 0;
    for (int i = 0; i < WARMUP_ROUNDS; i++) {
      checksum += round.applyAsLong(null);
    }
    long bytes = threads.getCurrentThreadAllocatedBytes();
    long cpu = threads.getCurrentThreadCpuTime();
    for (int i = 0; i < ROUNDS; i++) {
      checksum += round.applyAsLong(null);
    }
    cpu = threads.getCurrentThreadCpuTime() - cpu;
    bytes = threads.getCurrentThreadAllocatedBytes() - bytes;
    double perMillion = cpu / 1e9 / ((double) ROUNDS * samples / 1e6);
    System.out.printf(
        "%-16s %6.3f CPU-s per million samples %8.1f B allocated per sample (checksum %d)%n",
        name, perMillion, (double) bytes / ((double) ROUNDS * samples), checksum);
    return perMillion;
  }

  private static long parseOnly(ExpositionParser parser, byte[] body) {
    Counter counter = new Counter();
    parse(parser, body, counter);
    return counter.samples;
  }

  private static long direct(ExpositionParser parser, byte[] body, ScrapeTarget target) {
    ScrapeBuffers buffers = ScrapeBuffers.forThisThread();
    BatchAssembler assembler =
        new BatchAssembler(
            TargetLabels.of(target),
            new SampleLimits(ScrapeLimits.NONE),
            new SampleAdmission(0, Scrapes.NOW_MS, buffers.seen),
            MetricRelabeling.NONE,
            buffers);
    parse(parser, body, assembler);
    assembler.synthetic("up", 1);
    byte[] batch = BatchEncoding.encode(buffers, TARGET, Scrapes.NOW_MS, REPORT);
    long series = buffers.series.count();
    buffers.reset();
    return batch.length > 0 ? series : 0;
  }

  private static long messageBuilt(ExpositionParser parser, byte[] body, ScrapeTarget target) {
    MessageBatchAssembler assembler = new MessageBatchAssembler(target, Scrapes.NOW_MS);
    parse(parser, body, assembler);
    assembler.synthetic("up", 1);
    return assembler.toBatch().setTarget(TARGET).setReport(REPORT).build().toByteArray().length;
  }

  private static void parse(ExpositionParser parser, byte[] body, SampleVisitor visitor) {
    try {
      parser.parse(body, 0, body.length, visitor);
    } catch (Exception e) {
      throw new IllegalStateException("benchmark body does not parse: " + e.getMessage(), e);
    }
  }

  private static Path expositions() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("shared/testdata/expositions");
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException("shared/testdata/expositions not found");
  }

  /** Counts samples, so that the parse is not optimised away. */
  private static final class Counter implements SampleVisitor {
    long samples;

    @Override
    public void type(String family, MetricType type) {}

    @Override
    public void help(String family, String help) {}

    @Override
    public void unit(String family, String unit) {}

    @Override
    public void sample(LabelView labels, long valueBits, boolean hasTimestamp, long timestampMs) {
      samples += labels.size();
    }

    @Override
    public void exemplar(LabelView l, long valueBits, boolean hasTimestamp, long timestampMs) {}
  }
}
