package io.scrapestream.cli;

import io.scrapestream.core.config.ScrapeProtocol;
import io.scrapestream.ingest.parse.AcceptHeader;
import io.scrapestream.ingest.parse.ExpositionFormat;
import io.scrapestream.ingest.parse.ParseTool;
import io.scrapestream.ingest.parse.UnsupportedContentTypeException;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code scrapestream parse}: shows how Scrapestream parses an exposition, one JSON line a sample.
 */
@Command(
    name = "parse",
    mixinStandardHelpOptions = true,
    description = {
      "Parses a metrics exposition (a file, '-' for standard input, or an",
      "http(s) URL) and prints each sample as one JSON line:",
      "{\"labels\":{...},\"value\":\"...\",\"timestamp_ms\":...}. A native histogram",
      "(protobuf) prints \"histogram\":{...} instead of \"value\", with the fields",
      "schema, zero_threshold, zero_count, count, sum, positive_spans",
      "([{\"offset\":..,\"length\":..}]), positive_deltas, negative_spans,",
      "negative_deltas and reset_hint; a float histogram has \"float\":true and",
      "positive_counts and negative_counts instead of the deltas.",
      "On the first error prints where it is (line and column; for protobuf the",
      "metric family and byte) and exits with 1."
    })
final class ParseCommand implements Callable<Integer> {
  @Option(
      names = "--format",
      description =
          "text (Prometheus text), openmetrics, or protobuf (length-delimited"
              + " io.prometheus.client.MetricFamily). Default: from the URL's Content-Type, else"
              + " text. For a URL, also what the Accept header asks for (default: Prometheus's"
              + " default scrape_protocols).")
  String format;

  @Parameters(paramLabel = "FILE|URL", description = "What to parse.")
  String source;

  @Override
  public Integer call() throws IOException, InterruptedException, UnsupportedContentTypeException {
    PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
    PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
    Optional<ExpositionFormat> chosen = chosenFormat();
    String contentType = null;
    byte[] body;
    if (source.startsWith("http://") || source.startsWith("https://")) {
      HttpResponse<byte[]> response = fetch(URI.create(source), acceptHeader(chosen));
      contentType = response.headers().firstValue("Content-Type").orElse("");
      body = response.body();
    } else if (source.equals("-")) {
      body = System.in.readAllBytes();
    } else {
      body = Files.readAllBytes(Path.of(source));
    }
    ExpositionFormat format =
        chosen.isPresent() || contentType == null
            ? chosen.orElse(ExpositionFormat.PROMETHEUS_TEXT)
            : ExpositionFormat.fromContentType(
                contentType, Optional.of(ScrapeProtocol.PROMETHEUS_TEXT_0_0_4));
    int code = ParseTool.run(body, format, out, err);
    out.flush();
    return code;
  }

  private Optional<ExpositionFormat> chosenFormat() {
    if (format == null) {
      return Optional.empty();
    }
    return Optional.of(
        switch (format) {
          case "text", "prometheus" -> ExpositionFormat.PROMETHEUS_TEXT;
          case "openmetrics" -> ExpositionFormat.OPENMETRICS_TEXT;
          case "protobuf" -> ExpositionFormat.PROMETHEUS_PROTOBUF;
          default ->
              throw new IllegalArgumentException(
                  "--format: must be text, openmetrics or protobuf. Found: " + format);
        });
  }

  private static String acceptHeader(Optional<ExpositionFormat> chosen) {
    return chosen
        .map(
            f ->
                switch (f) {
                  case PROMETHEUS_TEXT -> ScrapeProtocol.PROMETHEUS_TEXT_0_0_4;
                  case OPENMETRICS_TEXT -> ScrapeProtocol.OPENMETRICS_TEXT_1_0_0;
                  case PROMETHEUS_PROTOBUF -> ScrapeProtocol.PROMETHEUS_PROTO;
                })
        .map(p -> AcceptHeader.of(List.of(p)))
        .orElse(AcceptHeader.DEFAULT);
  }

  private static HttpResponse<byte[]> fetch(URI uri, String accept)
      throws IOException, InterruptedException {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .header("Accept", accept)
            .timeout(Duration.ofSeconds(30))
            .build();
    return client.send(request, HttpResponse.BodyHandlers.ofByteArray());
  }
}
