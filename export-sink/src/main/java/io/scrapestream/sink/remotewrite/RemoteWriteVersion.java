package io.scrapestream.sink.remotewrite;

import io.scrapestream.core.config.RemoteWriteConfig;

/** The two remote write messages and the headers that announce them. */
public enum RemoteWriteVersion {
  /** {@code prometheus.WriteRequest}, remote write 1.0. */
  V1("0.1.0", "application/x-protobuf"),
  /** {@code io.prometheus.write.v2.Request}, remote write 2.0. */
  V2("2.0.0", "application/x-protobuf;proto=io.prometheus.write.v2.Request");

  private final String header;
  private final String contentType;

  RemoteWriteVersion(String header, String contentType) {
    this.header = header;
    this.contentType = contentType;
  }

  /** The value of {@code X-Prometheus-Remote-Write-Version}. */
  public String header() {
    return header;
  }

  /** The value of {@code Content-Type}. */
  public String contentType() {
    return contentType;
  }

  /** The version a backend's configuration asks for. */
  public static RemoteWriteVersion of(RemoteWriteConfig.ProtocolVersion version) {
    return switch (version) {
      case V1 -> V1;
      case V2 -> V2;
    };
  }
}
