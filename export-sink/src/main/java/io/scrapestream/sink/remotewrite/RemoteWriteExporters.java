package io.scrapestream.sink.remotewrite;

import io.scrapestream.core.config.RemoteWriteConfig;
import io.scrapestream.sink.RequestSigner;
import io.scrapestream.sink.SinkListener;
import io.scrapestream.sink.sigv4.SigV4SignerFactory;
import java.net.http.HttpClient;
import java.time.Clock;

/** Builds the {@link RemoteWriteExporter} of a backend's {@code remote_write} configuration. */
public final class RemoteWriteExporters {
  private RemoteWriteExporters() {}

  /**
   * @throws IllegalArgumentException when {@code sigv4} cannot be set up (no region found)
   */
  public static RemoteWriteExporter create(
      String backend, RemoteWriteConfig config, SinkListener listener) {
    RemoteWriteEndpoint endpoint =
        new RemoteWriteEndpoint(
            backend,
            config.url(),
            config.timeout(),
            config.headers(),
            config.sendMetadata(),
            config.sendNativeHistograms(),
            RemoteWriteVersion.of(config.protocolVersion()));
    Clock clock = Clock.systemUTC();
    RequestSigner signer =
        config
            .sigv4()
            .<RequestSigner>map(sigv4 -> SigV4SignerFactory.create(sigv4, clock))
            .orElse(RequestSigner.NONE);
    HttpClient client = HttpClient.newBuilder().connectTimeout(endpoint.timeout()).build();
    return new RemoteWriteExporter(
        endpoint, new RemoteWriteExporter.Collaborators(client, clock, signer, listener));
  }
}
