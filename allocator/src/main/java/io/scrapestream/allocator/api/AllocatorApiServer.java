package io.scrapestream.allocator.api;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import io.scrapestream.core.config.AllocatorSettings;
import io.scrapestream.core.config.AllocatorTls;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.security.GeneralSecurityException;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * The allocator's HTTP API on {@code allocator.listen_address} and, with {@code allocator.tls}, the
 * same API over HTTPS (client certificates requested when a client CA is set).
 */
public final class AllocatorApiServer implements AutoCloseable {
  private static final int THREADS = 4;

  static {
    // Without TCP_NODELAY the JDK server's header and body writes meet the client's delayed ACK:
    // 40 ms per request. Read once, when the JDK server first starts.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  private final HttpServer http;
  private final Optional<HttpsServer> https;
  private final ExecutorService executor;

  private AllocatorApiServer(
      HttpServer http, Optional<HttpsServer> https, ExecutorService executor) {
    this.http = http;
    this.https = https;
    this.executor = executor;
  }

  /** Starts listening; port 0 picks a free port. */
  public static AllocatorApiServer start(
      AllocatorSettings settings, Supplier<ApiSnapshot> snapshot, HttpHandler metrics) {
    ApiHandler handler = new ApiHandler(snapshot, metrics, settings.apiTokens());
    ExecutorService executor =
        Executors.newFixedThreadPool(
            THREADS,
            runnable -> {
              Thread thread = new Thread(runnable, "allocator-api");
              thread.setDaemon(true);
              return thread;
            });
    try {
      HttpServer http =
          HttpServer.create(new InetSocketAddress(settings.host(), settings.port()), 128);
      http.createContext("/", handler);
      http.setExecutor(executor);
      Optional<HttpsServer> https = settings.tls().map(tls -> https(tls, handler));
      https.ifPresent(server -> server.setExecutor(executor));
      http.start();
      https.ifPresent(HttpServer::start);
      return new AllocatorApiServer(http, https, executor);
    } catch (IOException e) {
      executor.shutdownNow();
      throw new UncheckedIOException("cannot listen on " + settings.listenAddress(), e);
    }
  }

  private static HttpsServer https(AllocatorTls tls, HttpHandler handler) {
    try {
      SSLContext context = PemTls.context(tls.certFile(), tls.keyFile(), tls.clientCaFile());
      HttpsServer server = HttpsServer.create(new InetSocketAddress(tls.host(), tls.port()), 128);
      boolean clientCerts = tls.clientCaFile().isPresent();
      server.setHttpsConfigurator(
          new HttpsConfigurator(context) {
            @Override
            public void configure(HttpsParameters params) {
              SSLParameters parameters = getSSLContext().getDefaultSSLParameters();
              parameters.setWantClientAuth(clientCerts);
              params.setSSLParameters(parameters);
            }
          });
      server.createContext("/", handler);
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen on " + tls.listenAddress(), e);
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException(
          "allocator.tls: cannot use "
              + tls.certFile()
              + " and "
              + tls.keyFile()
              + ": "
              + e.getMessage(),
          e);
    }
  }

  public int port() {
    return http.getAddress().getPort();
  }

  /** The HTTPS port, when {@code allocator.tls} is set. */
  public Optional<Integer> httpsPort() {
    return https.map(server -> server.getAddress().getPort());
  }

  @Override
  public void close() {
    http.stop(0);
    https.ifPresent(server -> server.stop(0));
    executor.shutdownNow();
  }
}
