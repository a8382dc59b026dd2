package io.scrapestream.sink.file;

import static io.scrapestream.sink.ScrapeBatchBuilder.STALE_MARKER;
import static io.scrapestream.sink.ScrapeBatchBuilder.batch;
import static org.assertj.core.api.Assertions.assertThat;

import io.scrapestream.schemas.v1.NativeHistogram;
import io.scrapestream.schemas.v1.ScrapeBatch;
import io.scrapestream.schemas.v1.Series;
import io.scrapestream.sink.ExportOutcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileExporterTest {
  @TempDir Path directory;

  @Test
  void shouldWriteOneExactLinePerSampleWhenExporting() throws IOException {
    Path file = directory.resolve("samples.jsonl");
    ScrapeBatch batch =
        batch("t1", 1700000000000L)
            .sample(1.0, "job", "j", "instance", "a:1", "__name__", "up", "env", "")
            .sampleAt(1699999999000L, 0.25, "__name__", "ratio")
            .build();

    try (FileExporter exporter = new FileExporter(file)) {
      assertThat(exporter.export(List.of(batch))).isEqualTo(new ExportOutcome.Success(2));
    }

    assertThat(Files.readAllLines(file))
        .containsExactly(
            "{\"timestamp_ms\":1700000000000,\"labels\":{\"__name__\":\"up\",\"instance\":\"a:1\","
                + "\"job\":\"j\"},\"value\":1.0,\"value_bits\":\"3ff0000000000000\"}",
            "{\"timestamp_ms\":1699999999000,\"labels\":{\"__name__\":\"ratio\"},\"value\":0.25,"
                + "\"value_bits\":\"3fd0000000000000\"}");
  }

  @Test
  void shouldWriteStringsWhenValueIsNotFinite() throws IOException {
    Path file = directory.resolve("samples.jsonl");
    ScrapeBatch batch =
        batch("t1", 5)
            .sampleBits(STALE_MARKER, "__name__", "a")
            .sample(Double.NaN, "__name__", "b")
            .sample(Double.POSITIVE_INFINITY, "__name__", "c")
            .sample(Double.NEGATIVE_INFINITY, "__name__", "d")
            .sample(-1.5e300, "__name__", "e")
            .build();

    try (FileExporter exporter = new FileExporter(file)) {
      exporter.export(List.of(batch));
    }

    assertThat(Files.readAllLines(file))
        .containsExactly(
            line("a", "\"NaN\"", "7ff0000000000002"),
            line("b", "\"NaN\"", "7ff8000000000000"),
            line("c", "\"+Inf\"", "7ff0000000000000"),
            line("d", "\"-Inf\"", "fff0000000000000"),
            line("e", "-1.5E300", "fe41eb2d66005835"));
  }

  @Test
  void shouldAddSortedResourceWhenBatchHasResourceAttributes() throws IOException {
    Path file = directory.resolve("samples.jsonl");
    ScrapeBatch batch =
        batch("t1", 5)
            .sample(2.0, "__name__", "a")
            .resource("k8s.pod.name", "p")
            .resource("k8s.namespace.name", "n")
            .build();

    try (FileExporter exporter = new FileExporter(file)) {
      exporter.export(List.of(batch));
    }

    assertThat(Files.readAllLines(file))
        .containsExactly(
            "{\"timestamp_ms\":5,\"labels\":{\"__name__\":\"a\"},\"value\":2.0,\"value_bits\":"
                + "\"4000000000000000\",\"resource\":{\"k8s.namespace.name\":\"n\","
                + "\"k8s.pod.name\":\"p\"}}");
  }

  @Test
  void shouldCreateParentsAndAppendWhenExportingAgain() throws IOException {
    Path file = directory.resolve("a/b/samples.jsonl");
    try (FileExporter exporter = new FileExporter("files", file)) {
      exporter.export(List.of(batch("t1", 1).sample(1.0, "__name__", "x").build()));
      exporter.export(List.of(batch("t1", 2).sample(1.0, "__name__", "x").build()));
      assertThat(exporter.backend()).isEqualTo("files");
    }
    try (FileExporter exporter = new FileExporter(file)) {
      exporter.export(List.of(batch("t1", 3).sample(1.0, "__name__", "x").build()));
    }

    assertThat(Files.readAllLines(file))
        .extracting(l -> l.substring(0, l.indexOf(',')))
        .containsExactly("{\"timestamp_ms\":1", "{\"timestamp_ms\":2", "{\"timestamp_ms\":3");
  }

  @Test
  void shouldReturnRetryableWhenParentIsAFile() throws IOException {
    Path parent = Files.writeString(directory.resolve("plain"), "");
    Path file = parent.resolve("samples.jsonl");

    try (FileExporter exporter = new FileExporter(file)) {
      ExportOutcome outcome =
          exporter.export(List.of(batch("t1", 1).sample(1.0, "__name__", "x").build()));

      assertThat(outcome)
          .isEqualTo(
              new ExportOutcome.Retryable(
                  "could not append to " + file + ": FileAlreadyExistsException: " + parent,
                  Optional.empty()));
    }
  }

  @Test
  void shouldRejectAndWriteNothingWhenBatchIsInvalid() {
    Path file = directory.resolve("samples.jsonl");
    ScrapeBatch batch =
        batch("t1", 1)
            .sample(1.0, "__name__", "x")
            .series(Series.newBuilder().addLabelRefs(99).addLabelRefs(0))
            .build();

    try (FileExporter exporter = new FileExporter(file)) {
      assertThat(exporter.export(List.of(batch)))
          .isEqualTo(
              new ExportOutcome.Rejected(
                  "invalid batch of target 't1': symbol reference: must be < 3 (the string table"
                      + " size). Found: 99",
                  ExportOutcome.Rejected.NOT_SENT));
    }
    assertThat(file).doesNotExist();
  }

  @Test
  void shouldSkipNativeHistogramsWhenWriting() throws IOException {
    Path file = directory.resolve("samples.jsonl");
    ScrapeBatch batch =
        batch("t1", 1)
            .series(
                Series.newBuilder().setHistogram(NativeHistogram.newBuilder().setCountInt(1)),
                "__name__",
                "h")
            .sample(3.0, "__name__", "x")
            .build();

    try (FileExporter exporter = new FileExporter(file)) {
      assertThat(exporter.export(List.of(batch))).isEqualTo(new ExportOutcome.Success(1));
    }
    assertThat(Files.readAllLines(file)).hasSize(1).allMatch(l -> l.contains("\"x\""));
  }

  private static String line(String name, String value, String bits) {
    return "{\"timestamp_ms\":5,\"labels\":{\"__name__\":\""
        + name
        + "\"},\"value\":"
        + value
        + ",\"value_bits\":\""
        + bits
        + "\"}";
  }
}
