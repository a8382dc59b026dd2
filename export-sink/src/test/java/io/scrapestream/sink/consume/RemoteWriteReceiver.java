package io.scrapestream.sink.consume;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.scrapestream.schemas.prompb.Label;
import io.scrapestream.schemas.prompb.Sample;
import io.scrapestream.schemas.prompb.TimeSeries;
import io.scrapestream.schemas.prompb.WriteRequest;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.ToIntFunction;
import org.xerial.snappy.Snappy;

/**
 * A remote write receiver on a JDK HttpServer: decodes each request and answers the status its
 * {@code answer} gives (which may also block or take its time, as a slow backend does). Keeps the
 * samples of the requests it answered with 2xx, as {@code name{k=v,...} value}.
 */
final class RemoteWriteReceiver implements AutoCloseable {
  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final ToIntFunction<WriteRequest> answer;
  private final List<String> accepted = Collections.synchronizedList(new ArrayList<>());
  private final List<Integer> statuses = Collections.synchronizedList(new ArrayList<>());

  RemoteWriteReceiver(ToIntFunction<WriteRequest> answer) throws IOException {
    this.answer = answer;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/api/v1/write", this::handle);
    server.setExecutor(executor);
    server.start();
  }

  URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/api/v1/write");
  }

  List<String> accepted() {
    synchronized (accepted) {
      return List.copyOf(accepted);
    }
  }

  /** The status of every request answered so far, in order. */
  List<Integer> statuses() {
    synchronized (statuses) {
      return List.copyOf(statuses);
    }
  }

  /** Whether a sample of the request has this value. */
  static boolean holds(WriteRequest request, double value) {
    return request.getTimeseriesList().stream()
        .flatMap(series -> series.getSamplesList().stream())
        .anyMatch(sample -> sample.getValue() == value);
  }

  /** The value of label {@code name} of the request's first series, or "". */
  static String firstLabel(WriteRequest request, String name) {
    return request.getTimeseriesList().stream()
        .flatMap(series -> series.getLabelsList().stream())
        .filter(label -> label.getName().equals(name))
        .map(Label::getValue)
        .findFirst()
        .orElse("");
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      WriteRequest request =
          WriteRequest.parseFrom(Snappy.uncompress(exchange.getRequestBody().readAllBytes()));
      int status = answer.applyAsInt(request);
      if (status / 100 == 2) {
        request.getTimeseriesList().forEach(this::accept);
      }
      statuses.add(status);
      byte[] body =
          status / 100 == 2 ? new byte[0] : "out of bounds".getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
      if (body.length > 0) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(body);
        }
      }
    }
  }

  private void accept(TimeSeries series) {
    StringBuilder line = new StringBuilder();
    List<String> labels = new ArrayList<>();
    String name = "";
    for (Label label : series.getLabelsList()) {
      if (label.getName().equals("__name__")) {
        name = label.getValue();
      } else {
        labels.add(label.getName() + "=" + label.getValue());
      }
    }
    line.append(name).append('{').append(String.join(",", labels)).append('}');
    for (Sample sample : series.getSamplesList()) {
      accepted.add(line + " " + sample.getValue());
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
