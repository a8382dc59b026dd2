package io.scrapestream.sink;

import static org.assertj.core.api.Assertions.assertThat;

import io.scrapestream.core.config.ElasticsearchConfig;
import io.scrapestream.core.config.OtlpConfig;
import io.scrapestream.sink.elasticsearch.ElasticsearchExporter;
import io.scrapestream.sink.otlp.OtlpExporter;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SinkAppExportersTest {

  @Test
  void shouldBuildOtlpExporterWhenBackendConfiguresOtlp() {
    Exporter exporter =
        SinkApp.exporter(
            "prom-otlp",
            new OtlpConfig(
                URI.create("http://prom:9090/api/v1/otlp/v1/metrics"),
                Duration.ofSeconds(5),
                Map.of(),
                OtlpConfig.Compression.GZIP),
            SinkListener.NO_OP);

    assertThat(exporter).isInstanceOf(OtlpExporter.class);
    assertThat(exporter.backend()).isEqualTo("prom-otlp");
  }

  @Test
  void shouldBuildBulkExporterWhenBackendConfiguresElasticsearch() {
    Exporter exporter =
        SinkApp.exporter(
            "search",
            new ElasticsearchConfig(
                URI.create("https://es:9200"),
                "metrics",
                Duration.ofSeconds(5),
                Map.of(),
                new ElasticsearchConfig.NoAuth(),
                ElasticsearchConfig.DocumentIds.HASH),
            SinkListener.NO_OP);

    assertThat(exporter).isInstanceOf(ElasticsearchExporter.class);
    assertThat(exporter.backend()).isEqualTo("search");
  }
}
