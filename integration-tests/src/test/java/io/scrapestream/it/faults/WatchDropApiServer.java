package io.scrapestream.it.faults;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
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
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * fabric8's mock API server in CRUD mode, over plain HTTP, with a real API server's watch failures:
 * watches closed by the server, watches refused (503) while "disconnected", and 410 Gone (on the
 * next watch, or as an ERROR event on the open ones). The allocator reaches it through {@code
 * kubernetes_sd_configs[].api_server}; the test changes pods with {@link #client()}.
 */
final class WatchDropApiServer implements AutoCloseable {
  private static final String GONE_EVENT =
      "{\"type\":\"ERROR\",\"object\":{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{},"
          + "\"status\":\"Failure\",\"message\":\"too old resource version\","
          + "\"reason\":\"Expired\",\"code\":410}}";

  private final KubernetesCrudDispatcher crud = new KubernetesCrudDispatcher();
  private final List<String> paths = new CopyOnWriteArrayList<>();
  private final List<WebSocket> sockets = new CopyOnWriteArrayList<>();
  private final AtomicBoolean refuseWatches = new AtomicBoolean();
  private final AtomicBoolean goneOnNextWatch = new AtomicBoolean();
  private final KubernetesMockServer server;
  private final KubernetesClient client;

  WatchDropApiServer() {
    ObjectMapper mapper = new ObjectMapper();
    new KubernetesSerialization(mapper, true);
    server =
        new KubernetesMockServer(
            new Context(mapper), new MockWebServer(), new HashMap<>(), new Dispatching(), false);
    server.init();
    client = server.createClient();
  }

  /** {@code http://127.0.0.1:<port>}: the {@code api_server} of a {@code kubernetes_sd_config}. */
  String url() {
    String url = server.url("/");
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  KubernetesClient client() {
    return client;
  }

  /** A running pod {@code default/<name>} at {@code ip} exposing container port 8080. */
  void createPod(String name, String ip) {
    Pod pod =
        new PodBuilder()
            .withNewMetadata()
            .withName(name)
            .withNamespace("default")
            .endMetadata()
            .withNewSpec()
            .withNodeName("node-1")
            .addNewContainer()
            .withName("app")
            .withImage("app:1")
            .addNewPort()
            .withName("metrics")
            .withProtocol("TCP")
            .withContainerPort(8080)
            .endPort()
            .endContainer()
            .endSpec()
            .withNewStatus()
            .withPodIP(ip)
            .withPhase("Running")
            .endStatus()
            .build();
    client.resource(pod).create();
  }

  /** The number of pod watch requests so far (refused ones included). */
  long podWatches() {
    return paths.stream()
        .filter(p -> p.startsWith("/api/v1/pods?") && p.contains("watch=true"))
        .count();
  }

  /** The number of pod list (relist) requests so far. */
  long podLists() {
    return paths.stream()
        .filter(p -> p.startsWith("/api/v1/pods?") && !p.contains("watch=true"))
        .count();
  }

  /** While true, new watches are answered 503, as by an unreachable API server. */
  void refuseWatches(boolean refuse) {
    refuseWatches.set(refuse);
  }

  /** The next watch opens and its first event is ERROR 410 Gone (resource version too old). */
  void goneOnNextWatch() {
    goneOnNextWatch.set(true);
  }

  /** Closes every open watch from the server side. */
  void dropWatches() {
    sockets.forEach(socket -> socket.close(1000, "dropped by WatchDropIT"));
    sockets.clear();
  }

  /** Sends ERROR 410 Gone on every open watch. */
  void sendGoneOnOpenWatches() {
    sockets.forEach(socket -> socket.send(GONE_EVENT));
  }

  @Override
  public void close() {
    client.close();
    server.destroy();
  }

  private final class Dispatching extends Dispatcher {
    @Override
    public MockResponse dispatch(RecordedRequest request) {
      String path = request.getPath();
      paths.add(path);
      if (path.contains("watch=true")) {
        if (refuseWatches.get()) {
          return new MockResponse().setResponseCode(503).setBody("unavailable");
        }
        if (goneOnNextWatch.compareAndSet(true, false)) {
          return new MockResponse().withWebSocketUpgrade(new AnswersGone());
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
      webSocket.send(GONE_EVENT);
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
