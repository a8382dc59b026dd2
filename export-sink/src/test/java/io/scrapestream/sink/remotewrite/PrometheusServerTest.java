package io.scrapestream.sink.remotewrite;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scrapestream.testsupport.prometheus.PrometheusServer;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The test-support fixture's message when the Prometheus binary is missing. */
class PrometheusServerTest {

  @Test
  void shouldExplainHowToInstallWhenBinaryIsMissing() {
    try (PrometheusServer server = new PrometheusServer(Path.of("/nonexistent/prometheus"))) {
      assertThatThrownBy(server::start)
          .isInstanceOf(IllegalStateException.class)
          .hasMessage(
              "Prometheus binary not found or not executable at /nonexistent/prometheus: install"
                  + " the Debian package prometheus: ./test.sh does it");
    }
  }

  @Test
  void shouldRefuseQueriesWhenNotStarted() {
    try (PrometheusServer server = new PrometheusServer()) {
      assertThatThrownBy(() -> server.query("up"))
          .isInstanceOf(IllegalStateException.class)
          .hasMessage("Prometheus is not running: call start() first");
    }
  }
}
