package io.scrapestream.sink.benchmark;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.scrapestream.core.config.AllocatorSettings;
import io.scrapestream.core.config.BackendConfig;
import io.scrapestream.core.config.BatchSettings;
import io.scrapestream.core.config.ElasticsearchConfig;
import io.scrapestream.core.config.EnrichSettings;
import io.scrapestream.core.config.ExporterConfig;
import io.scrapestream.core.config.GlobalConfig;
import io.scrapestream.core.config.KafkaSettings;
import io.scrapestream.core.config.OtlpConfig;
import io.scrapestream.core.config.RemoteWriteConfig;
import io.scrapestream.core.config.RemoteWriteConfig.ProtocolVersion;
import io.scrapestream.core.config.ScraperSettings;
import io.scrapestream.core.config.ScrapestreamConfig;
import io.scrapestream.core.config.TelemetrySettings;
import io.scrapestream.sink.SinkApp;
import io.scrapestream.sink.telemetry.PrometheusSinkListener;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The sink worker of {@link SinkProcessBenchmark}, in a JVM of its own: what {@code scrapestream
 * sink} starts ({@link SinkApp} with the Prometheus self-metrics listener) for one backend.
 * Arguments: bootstrap servers, topic prefix, exporter ({@code rw1}, {@code rw2}, {@code otlp},
 * {@code es}), its URL, samples per request, Kafka client properties ({@code k=v,k=v} or {@code
 * -}). Commands on stdin, one a line: {@code RUN <backend>} starts the sink with a backend of that
 * name (so a fresh consumer group that reads the topic from the start) and answers {@link
 * #STARTED}; {@code STOP} closes it and answers {@link #STOPPED}; end of input exits.
 */
public final class SinkBenchChild {
  /** The answers, unlikely to appear in other output (which may share their line). */
  static final String STARTED = "@@sink-started@@";

  static final String STOPPED = "@@sink-stopped@@";

  private SinkBenchChild() {}

  public static void main(String[] args) throws Exception {
    KafkaSettings kafka = new KafkaSettings(args[0], args[1], clientProperties(args[5]));
    ExporterConfig exporter = exporter(args[2], URI.create(args[3]));
    BatchSettings batch =
        new BatchSettings(Integer.parseInt(args[4]), BatchSettings.DEFAULT_MAX_DELAY);
    BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    SinkApp running = null;
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      if (line.startsWith("RUN ")) {
        BackendConfig backend = new BackendConfig(line.substring(4), exporter, batch);
        running =
            SinkApp.start(
                config(kafka, backend), new PrometheusSinkListener(new PrometheusRegistry()));
        answer(STARTED);
      } else if (line.equals("STOP") && running != null) {
        running.close();
        running = null;
        answer(STOPPED);
      } else {
        throw new IllegalArgumentException(
            "unknown command: expected RUN <backend> or STOP. Found: " + line);
      }
    }
  }

  private static void answer(String word) {
    System.out.println(word);
    System.out.flush();
  }

  private static Map<String, String> clientProperties(String list) {
    if (list.equals("-")) {
      return Map.of();
    }
    return Arrays.stream(list.split(","))
        .map(kv -> kv.split("=", 2))
        .collect(Collectors.toMap(kv -> kv[0], kv -> kv[1]));
  }

  private static ExporterConfig exporter(String kind, URI url) {
    Duration timeout = Duration.ofSeconds(30);
    return switch (kind) {
      case "rw1" ->
          new RemoteWriteConfig(
              url, timeout, Map.of(), ProtocolVersion.V1, false, false, Optional.empty());
      case "rw2" ->
          new RemoteWriteConfig(
              url, timeout, Map.of(), ProtocolVersion.V2, true, false, Optional.empty());
      case "otlp" -> new OtlpConfig(url, timeout, Map.of(), OtlpConfig.Compression.GZIP);
      case "es" ->
          new ElasticsearchConfig(
              url,
              "metrics-bench-default",
              timeout,
              Map.of(),
              new ElasticsearchConfig.NoAuth(),
              ElasticsearchConfig.DocumentIds.HASH);
      default ->
          throw new IllegalArgumentException(
              "exporter: expected rw1, rw2, otlp or es. Found: " + kind);
    };
  }

  private static ScrapestreamConfig config(KafkaSettings kafka, BackendConfig backend) {
    return new ScrapestreamConfig(
        GlobalConfig.defaults(),
        List.of(),
        kafka,
        ScraperSettings.defaults(),
        EnrichSettings.defaults(),
        TelemetrySettings.defaults(),
        List.of(backend),
        AllocatorSettings.defaults());
  }
}
