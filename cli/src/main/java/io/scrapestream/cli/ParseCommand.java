package io.scrapestream.cli;

import io.scrapestream.ingest.parse.ExpositionFormat;
import io.scrapestream.ingest.parse.ParseTool;
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
      "Parses a metrics exposition (a file, '-' for standard input, or an http(s) URL) and prints",
      "each sample as one JSON line: {\"labels\":{...},\"value\":\"...\",\"timestamp_ms\":...}.",
      "On the first error prints its line and column and exits with 1."
    })
final class ParseCommand implements Callable<Integer> {
  @Option(
      names = "--format",
      description =
          "text (Prometheus 0.0.4) or openmetrics. Default: from the URL's Content-Type, else text.")
  String format;

  @Parameters(paramLabel = "FILE|URL", description = "What to parse.")
  String source;

  @Override
  public Integer call() throws IOException, InterruptedException {
    PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
    PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
    String contentType = null;
    byte[] body;
    if (source.startsWith("http://") || source.startsWith("https://")) {
      HttpResponse<byte[]> response = fetch(URI.create(source));
      contentType = response.headers().firstValue("Content-Type").orElse(null);
      body = response.body();
    } else if (source.equals("-")) {
      body = System.in.readAllBytes();
    } else {
      body = Files.readAllBytes(Path.of(source));
    }
    int code = ParseTool.run(body, chooseFormat(contentType), out, err);
    out.flush();
    return code;
  }

  private ExpositionFormat chooseFormat(String contentType) {
    if (format != null) {
      return switch (format) {
        case "text", "prometheus" -> ExpositionFormat.PROMETHEUS_TEXT;
        case "openmetrics" -> ExpositionFormat.OPENMETRICS_TEXT;
        default ->
            throw new IllegalArgumentException(
                "--format: must be text or openmetrics. Found: " + format);
      };
    }
    return contentType == null
        ? ExpositionFormat.PROMETHEUS_TEXT
        : ExpositionFormat.fromContentType(contentType).orElse(ExpositionFormat.PROMETHEUS_TEXT);
  }

  private static HttpResponse<byte[]> fetch(URI uri) throws IOException, InterruptedException {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .header(
                "Accept",
                "application/openmetrics-text;version=1.0.0,text/plain;version=0.0.4;q=0.5")
            .timeout(Duration.ofSeconds(30))
            .build();
    return client.send(request, HttpResponse.BodyHandlers.ofByteArray());
  }
}
