package io.scrapestream.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(120)
class BrokerMainTest {
  @TempDir Path dir;

  @Test
  void shouldUseAnyFreePortWhenOnlyDataDirIsGiven() {
    assertThat(BrokerMain.settings(new String[] {"/tmp/broker"}))
        .isEqualTo(new BrokerSettings(Path.of("/tmp/broker"), 0, 3, 24, Map.of()));
  }

  @Test
  void shouldUseGivenPortWhenPortIsGiven() {
    assertThat(BrokerMain.settings(new String[] {"/tmp/broker", "19092"}).port()).isEqualTo(19092);
  }

  @Test
  void shouldRejectArgumentsWhenNoneAreGiven() {
    assertThatThrownBy(() -> BrokerMain.settings(new String[0]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("usage: BrokerMain DATA_DIR [PORT]. Found 0 arguments: ");
  }

  @Test
  void shouldRejectArgumentsWhenThreeAreGiven() {
    assertThatThrownBy(() -> BrokerMain.settings(new String[] {"d", "1", "x"}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("usage: BrokerMain DATA_DIR [PORT]. Found 3 arguments: d 1 x");
  }

  @Test
  void shouldRejectPortWhenItIsNotANumber() {
    assertThatThrownBy(() -> BrokerMain.settings(new String[] {"d", "ninety"}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("PORT must be a number 0..65535. Found: ninety");
  }

  @Test
  void shouldRejectPortWhenItIsOutOfRange() {
    assertThatThrownBy(() -> BrokerMain.settings(new String[] {"d", "70000"}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("port must be 0..65535. Found: 70000");
  }

  @Test
  void shouldPrintBootstrapServersWhenBrokerServesClients() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    try (EmbeddedKafkaBroker broker = BrokerMain.start(BrokerSettings.inDirectory(dir), out)) {
      assertThat(bytes.toString(StandardCharsets.UTF_8))
          .isEqualTo("bootstrap.servers=" + broker.bootstrapServers() + System.lineSeparator());
      assertThat(broker.bootstrapServers()).matches("127\\.0\\.0\\.1:[0-9]+");
    }
  }
}
