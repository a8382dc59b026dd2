package io.scrapestream.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ChartValuesSchemaTest {
  @Test
  void shouldRejectValuesWhenReplicasIsAString() {
    Throwable error =
        catchThrowable(() -> Chart.template(null, Map.of("allocator.replicas", "two")));

    assertThat(error)
        .hasMessage(
            "values don't meet the specifications of the schema(s) in the following chart(s):\n"
                + "scrapestream:\n"
                + "- at '/allocator/replicas': got string, want integer\n");
  }

  @Test
  void shouldRejectValuesWhenDigestIsNotASha256() {
    Throwable error = catchThrowable(() -> Chart.template(null, Map.of("image.digest", "latest")));

    assertThat(error)
        .hasMessage(
            "values don't meet the specifications of the schema(s) in the following chart(s):\n"
                + "scrapestream:\n"
                + "- at '/image/digest': 'latest' does not match pattern '^sha256:[a-f0-9]{64}$'\n");
  }

  @Test
  void shouldRejectValuesWhenSecurityProtocolIsUnknown() {
    Throwable error =
        catchThrowable(() -> Chart.template(null, Map.of("kafka.securityProtocol", "TLS")));

    assertThat(error)
        .hasMessage(
            "values don't meet the specifications of the schema(s) in the following chart(s):\n"
                + "scrapestream:\n"
                + "- at '/kafka/securityProtocol': value must be one of 'PLAINTEXT', 'SSL',"
                + " 'SASL_PLAINTEXT', 'SASL_SSL'\n");
  }

  @Test
  void shouldRejectValuesWhenAKeyIsMisspelled() {
    Throwable error = catchThrowable(() -> Chart.template(null, Map.of("scrapper.replicas", 3)));

    assertThat(error)
        .hasMessage(
            "values don't meet the specifications of the schema(s) in the following chart(s):\n"
                + "scrapestream:\n"
                + "- at '': additional properties 'scrapper' not allowed\n");
  }

  /** Helm renders templates in reverse name order, so the Job's template reports it first. */
  @Test
  void shouldFailTemplatingWhenSaslSecretIsMissing() {
    Throwable error =
        catchThrowable(
            () ->
                Chart.templateOf(
                    Chart.DIR,
                    null,
                    Map.of("kafka.securityProtocol", "SASL_SSL", "kafka.sasl.username", "u")));

    assertThat(error)
        .hasMessage(
            "execution error at (scrapestream/templates/topics-job.yaml:2:3):"
                + " kafka.sasl.existingSecret is required with a SASL security protocol\n\n"
                + "Use --debug flag to render out invalid YAML");
  }
}
