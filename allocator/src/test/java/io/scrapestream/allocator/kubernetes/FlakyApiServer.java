package io.scrapestream.allocator.kubernetes;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.fabric8.mockwebserver.http.Response;
import io.fabric8.mockwebserver.http.WebSocket;
import io.fabric8.mockwebserver.http.WebSocketListener;
import java.util.HashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * fabric8's mock API server in CRUD mode, with the failures a real one has: watches that drop,
 * watches refused while "disconnected", and 410 Gone (on a new watch or as an ERROR event on an
 * open one). It also logs every request path, to count lists and watches.
 */
final class FlakyApiServer implements AutoCloseable {
  private static final String GONE_STATUS =
      "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{},\"status\":\"Failure\","
          + "\"message\":\"too old resource version\",\"reason\":\"Expired\",\"code\":410}";

  private final KubernetesCrudDispatcher crud = new KubernetesCrudDispatcher();
  private final List<String> paths = new CopyOnWriteArrayList<>();
  private final List<WebSocket> sockets = new CopyOnWriteArrayList<>();
  private final AtomicBoolean refuseWatches = new AtomicBoolean();
  private final Set<String> goneOnce = java.util.concurrent.ConcurrentHashMap.newKeySet();
  private final KubernetesMockServer server;
  private final KubernetesClient client;

  FlakyApiServer() {
    ObjectMapper mapper = new ObjectMapper();
    new KubernetesSerialization(mapper, true);
    server =
        new KubernetesMockServer(
            new Context(mapper),
            new MockWebServer(),
            new HashMap<>(),
            new FlakyDispatcher(),
            false);
    server.init();
    Config config;
    try (KubernetesClient base = server.createClient()) {
      config = new ConfigBuilder(base.getConfiguration()).withWatchReconnectInterval(200).build();
    }
    client = server.createClient(builder -> builder.withConfig(config));
  }

  KubernetesClient client() {
    return client;
  }

  /** Every request path so far, query included. */
  List<String> paths() {
    return List.copyOf(paths);
  }

  /** The number of list (not watch) requests whose path starts with {@code prefix}. */
  long lists(String prefix) {
    return paths.stream()
        .filter(p -> p.startsWith(prefix + "?") && !p.contains("watch=true"))
        .count();
  }

  /** The number of watch requests whose path starts with {@code prefix}. */
  long watches(String prefix) {
    return paths.stream()
        .filter(p -> p.startsWith(prefix + "?") && p.contains("watch=true"))
        .count();
  }

  /** While true, new watches are answered 503, as by an unreachable API server. */
  void refuseWatches(boolean refuse) {
    refuseWatches.set(refuse);
  }

  /**
   * The next watch of a path starting with {@code prefix} is answered 410 Gone the way an API
   * server does when the resource version is too old: the watch opens and its first event is an
   * ERROR.
   */
  void goneOnNextWatch(String prefix) {
    goneOnce.add(prefix);
  }

  /** Closes every open watch from the server side. */
  void dropWatches() {
    sockets.forEach(socket -> socket.close(1000, "dropped by test"));
    sockets.clear();
  }

  /** Sends an ERROR event with status 410 Gone on every open watch. */
  void sendGoneOnOpenWatches() {
    sockets.forEach(socket -> socket.send("{\"type\":\"ERROR\",\"object\":" + GONE_STATUS + "}"));
  }

  @Override
  public void close() {
    client.close();
    server.destroy();
  }

  private final class FlakyDispatcher extends Dispatcher {
    @Override
    public MockResponse dispatch(RecordedRequest request) {
      String path = request.getPath();
      paths.add(path);
      if (path.contains("watch=true")) {
        if (refuseWatches.get()) {
          return new MockResponse().setResponseCode(503).setBody("unavailable");
        }
        for (String prefix : goneOnce) {
          if (path.startsWith(prefix + "?") && goneOnce.remove(prefix)) {
            return new MockResponse().withWebSocketUpgrade(new AnswersGone());
          }
        }
      }
      MockResponse response = crud.dispatch(request);
      WebSocketListener listener = response.getWebSocketListener();
      return listener == null ? response : response.withWebSocketUpgrade(new Tracking(listener));
    }
  }

  /** A watch whose only event is ERROR 410 Gone. */
  private static final class AnswersGone extends WebSocketListener {
    @Override
    public void onOpen(WebSocket webSocket, Response response) {
      webSocket.send("{\"type\":\"ERROR\",\"object\":" + GONE_STATUS + "}");
    }
  }

  /** Remembers each open watch socket and forwards every callback. */
  private final class Tracking extends WebSocketListener {
    private final WebSocketListener delegate;

    Tracking(WebSocketListener delegate) {
      this.delegate = delegate;
    }

    @Override
    public void onOpen(WebSocket webSocket, Response response) {
      sockets.add(webSocket);
      delegate.onOpen(webSocket, response);
    }

    @Override
    public void onMessage(WebSocket webSocket, String text) {
      delegate.onMessage(webSocket, text);
    }

    @Override
    public void onClosing(WebSocket webSocket, int code, String reason) {
      delegate.onClosing(webSocket, code, reason);
    }

    @Override
    public void onClosed(WebSocket webSocket, int code, String reason) {
      sockets.remove(webSocket);
      delegate.onClosed(webSocket, code, reason);
    }

    @Override
    public void onFailure(WebSocket webSocket, Throwable error, Response response) {
      sockets.remove(webSocket);
      delegate.onFailure(webSocket, error, response);
    }
  }
}
