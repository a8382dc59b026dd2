package io.scrapestream.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigLoaderDeliveryTest {

  @Test
  void shouldUseDeliveryDefaultsWhenBackendSetsNone() throws Exception {
    BackendConfig backend = load("backends: [{name: out, file: {path: /tmp/x}}]\n");

    assertThat(backend.delivery())
        .isEqualTo(new DeliverySettings(Duration.ZERO, Duration.ofMinutes(10), 4, 100_000));
  }

  @Test
  void shouldReadEveryDeliveryKeyWhenAllAreSet() throws Exception {
    BackendConfig backend =
        load(
            "backends: [{name: out, file: {path: /tmp/x}, drop_older_than: 1h,"
                + " drop_newer_than: 0, max_in_flight: 8, max_pending_samples: 20000}]\n");

    assertThat(backend.delivery())
        .isEqualTo(new DeliverySettings(Duration.ofHours(1), Duration.ZERO, 8, 20_000));
  }

  @Test
  void shouldReportEveryDeliveryProblemWithItsPathWhenValuesAreWrong() {
    ConfigException e =
        catchThrowableOfType(
            ConfigException.class,
            () ->
                load(
                    "backends: [{name: out, file: {path: /tmp/x}, drop_older_than: -1h,"
                        + " drop_newer_than: soon, max_in_flight: 0, max_pending_samples: -5}]\n"));

    assertThat(e.problems())
        .containsExactly(
            "backends[0].drop_older_than: must be a duration such as 30s, 1m30s or 500ms."
                + " Found: \"-1h\"",
            "backends[0].drop_newer_than: must be a duration such as 30s, 1m30s or 500ms."
                + " Found: \"soon\"",
            "backends[0].max_in_flight: must be greater than 0. Found: 0",
            "backends[0].max_pending_samples: must be greater than 0. Found: -5");
  }

  @Test
  void shouldRefuseNegativeWindowWhenConstructed() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new DeliverySettings(Duration.ofSeconds(-1), Duration.ZERO, 1, 1))
        .withMessage("dropOlderThan must not be negative. Found: PT-1S");
  }

  private static BackendConfig load(String yaml) throws ConfigException {
    return ConfigLoader.load(yaml, "test.yaml", Map.of(), () -> "test-host").backends().get(0);
  }
}
