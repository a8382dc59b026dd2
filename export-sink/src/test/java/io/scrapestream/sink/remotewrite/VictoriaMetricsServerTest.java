package io.scrapestream.sink.remotewrite;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scrapestream.testsupport.victoriametrics.VictoriaMetricsServer;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The test-support fixture's messages when VictoriaMetrics cannot be used. */
class VictoriaMetricsServerTest {

  @Test
  void shouldExplainHowToInstallWhenBinaryIsMissing() {
    try (VictoriaMetricsServer server =
        new VictoriaMetricsServer(Path.of("/nonexistent/victoria-metrics"))) {
      assertThatThrownBy(server::start)
          .isInstanceOf(IllegalStateException.class)
          .hasMessage(
              "VictoriaMetrics binary not found or not executable at"
                  + " /nonexistent/victoria-metrics: install the Debian package victoria-metrics:"
                  + " ./test.sh does it");
    }
  }

  @Test
  void shouldRefuseQueriesWhenNotStarted() {
    try (VictoriaMetricsServer server = new VictoriaMetricsServer()) {
      assertThatThrownBy(server::flush)
          .isInstanceOf(IllegalStateException.class)
          .hasMessage("VictoriaMetrics is not running: call start() first");
    }
  }
}
