package io.scrapestream.cli.replay;

import static org.assertj.core.api.Assertions.assertThat;

import io.scrapestream.cli.ScrapestreamCommand;
import io.scrapestream.schemas.v1.ScrapeBatch;
import io.scrapestream.schemas.v1.Series;
import io.scrapestream.schemas.v1.Target;
import io.scrapestream.testsupport.kafka.KafkaFixture;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code scrapestream replay} end to end: a window of a real topic into a file backend. */
@ExtendWith(KafkaFixture.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ReplayCommandIT {
  private static final Instant T0 =
      Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);

  @TempDir Path dir;

  @Test
  void shouldExportExactlyTheWindowPrintProgressAndSumUpWhenReplayingIntoAFile(
      KafkaFixture.Broker broker) throws Exception {
    String prefix = broker.uniqueName("replay-cli");
    produce(broker, prefix + "samples.enriched");
    Path out = dir.resolve("replayed.jsonl");
    StringWriter err = new StringWriter();

    int code =
        replay(
            err,
            config(broker, prefix, out),
            "--from",
            T0.plusSeconds(2).toString(),
            "--to",
            T0.plusSeconds(5).toString());

    assertThat(code).as(err.toString()).isZero();
    assertThat(Files.readAllLines(out))
        .extracting(
            line -> line.replaceAll(".*\"labels\":(\\{[^}]*\\}).*\"value\":([0-9.]+).*", "$1 $2"))
        .containsExactlyInAnyOrder(
            "{\"__name__\":\"m\",\"k\":\"2\"} 2.0",
            "{\"__name__\":\"m\",\"k\":\"3\"} 3.0",
            "{\"__name__\":\"m\",\"k\":\"4\"} 4.0");
    List<String> lines = err.toString().lines().toList();
    assertThat(lines.get(lines.size() - 2))
        .isEqualTo("replay files: 3 records, 3 samples, 3 exported, 100.0% of the window, ETA 0s");
    assertThat(lines.get(lines.size() - 1))
        .matches(
            "replay of "
                + prefix
                + "samples\\.enriched into files complete: 3 records, 3 samples, 3 exported, 0"
                + " dead-lettered \\(0 samples refused\\), dropped: none, in \\d+s; offsets in group"
                + " scrapestream-replay-files-\\d{8}T\\d{6}Z");
  }

  private Path config(KafkaFixture.Broker broker, String prefix, Path out) throws Exception {
    Path config = dir.resolve("config.yaml");
    Files.writeString(
        config,
        String.format(
            "kafka: {bootstrap_servers: '%s', topic_prefix: '%s'}%nbackends:%n"
                + "  - {name: files, file: {path: '%s'}, batch: {max_delay: 10ms}}%n",
            broker.bootstrapServers(), prefix, out));
    return config;
  }

  private static int replay(StringWriter err, Path config, String... window) {
    CommandLine commandLine = ScrapestreamCommand.newCommandLine();
    commandLine.setErr(new PrintWriter(err, true));
    List<String> args =
        new java.util.ArrayList<>(
            List.of("replay", "--config", config.toString(), "--backend", "files"));
    args.addAll(List.of(window));
    return commandLine.execute(args.toArray(String[]::new));
  }

  /** Records k = 0..7, one sample of value k each, at T0 + k seconds, over three partitions. */
  private static void produce(KafkaFixture.Broker broker, String topic) throws Exception {
    try (Admin admin = Admin.create(broker.clientProperties())) {
      admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get();
    }
    try (KafkaProducer<String, byte[]> producer =
        new KafkaProducer<>(
            broker.clientProperties(), new StringSerializer(), new ByteArraySerializer())) {
      for (int k = 0; k < 8; k++) {
        long time = T0.plusSeconds(k).toEpochMilli();
        ScrapeBatch batch =
            ScrapeBatch.newBuilder()
                .setTarget(Target.newBuilder().setKey("t" + k))
                .setTimestampMs(time)
                .addAllSymbols(List.of("", "__name__", "m", "k", String.valueOf(k)))
                .addSeries(
                    Series.newBuilder()
                        .addAllLabelRefs(List.of(1, 2, 3, 4))
                        .setValueBits(Double.doubleToRawLongBits(k)))
                .build();
        producer.send(new ProducerRecord<>(topic, k % 3, time, "t" + k, batch.toByteArray())).get();
      }
    }
  }
}
