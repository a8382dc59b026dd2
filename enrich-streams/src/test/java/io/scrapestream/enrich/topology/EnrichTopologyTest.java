package io.scrapestream.enrich.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.scrapestream.core.batch.DeadLetterHeaders;
import io.scrapestream.core.config.EnrichSettings;
import io.scrapestream.core.config.KubernetesEnrichSettings;
import io.scrapestream.core.config.ProcessingGuarantee;
import io.scrapestream.core.config.StalenessSettings;
import io.scrapestream.enrich.Batches;
import io.scrapestream.schemas.v1.ScrapeBatch;
import io.scrapestream.schemas.v1.Series;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.streams.TopologyDescription;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnrichTopologyTest {
  @TempDir Path stateDir;

  @Test
  void shouldWriteBatchBytesUnchangedWhenNoStageAddsAnything() throws Exception {
    byte[] value =
        ScrapeBatch.newBuilder()
            .addSymbols("")
            .addSeries(Series.newBuilder().setValueBits(0x7ff0000000000002L))
            .build()
            .toByteArray();
    try (EnrichDriver enrich = new EnrichDriver(stagesOff(), stateDir)) {
      enrich.raw.pipeInput("target-a", value);

      TestRecord<String, byte[]> out = enrich.enriched.readRecord();
      assertThat(out.key()).isEqualTo("target-a");
      assertThat(out.value()).isEqualTo(value);
      assertThat(ScrapeBatch.parseFrom(out.value()).getSeries(0).getValueBits())
          .isEqualTo(0x7ff0000000000002L);
      assertThat(enrich.deadLetters.isEmpty()).isTrue();
    }
  }

  @Test
  void shouldSendRecordToDeadLetterTopicWithProvenanceWhenValueDoesNotDecode() {
    byte[] poison = {(byte) 0xff, (byte) 0xff, (byte) 0xff};
    byte[] good = Batches.scrape("target-b", 1_000).sample("a", 1).bytes();
    try (EnrichDriver enrich = new EnrichDriver(StalenessTopologyTest.settings(), stateDir)) {
      enrich.raw.pipeInput("target-b", poison);
      enrich.raw.pipeInput("target-b", good);

      TestRecord<String, byte[]> dead = enrich.deadLetters.readRecord();
      assertThat(dead.key()).isEqualTo("target-b");
      assertThat(dead.value()).isEqualTo(poison);
      assertThat(header(dead, DeadLetterHeaders.STAGE)).isEqualTo("enrich");
      assertThat(header(dead, DeadLetterHeaders.ERROR_CLASS)).isEqualTo("rejected");
      assertThat(header(dead, DeadLetterHeaders.ERROR_MESSAGE))
          .isEqualTo("InvalidProtocolBufferException: input ends inside the varint at byte 0");
      assertThat(header(dead, DeadLetterHeaders.SOURCE_TOPIC)).isEqualTo("raw");
      assertThat(header(dead, DeadLetterHeaders.SOURCE_PARTITION)).isEqualTo("0");
      assertThat(header(dead, DeadLetterHeaders.SOURCE_OFFSET)).isEqualTo("0");
      assertThat(enrich.readOne().getSeriesCount()).isEqualTo(1);
      assertThat(enrich.listener.calls)
          .containsExactly("deadLettered undecodable", "batchWritten 1");
    }
  }

  @Test
  void shouldSendBatchToDeadLetterTopicWhenLabelReferenceIsOutsideStringTable() {
    byte[] invalid =
        ScrapeBatch.newBuilder()
            .addSymbols("")
            .addSymbols("__name__")
            .addSeries(Series.newBuilder().addLabelRefs(1).addLabelRefs(7))
            .build()
            .toByteArray();
    try (EnrichDriver enrich = new EnrichDriver(StalenessTopologyTest.settings(), stateDir)) {
      enrich.raw.pipeInput("target-c", invalid);
      enrich.raw.pipeInput("target-c", (byte[]) null);

      List<TestRecord<String, byte[]>> dead = enrich.deadLetters.readRecordsToList();
      assertThat(dead)
          .extracting(r -> header(r, DeadLetterHeaders.ERROR_MESSAGE))
          .containsExactly(
              "BatchFormatException: series[0].label_refs[1]: must refer to one of the 2 symbols."
                  + " Found: 7",
              "record has no value");
      assertThat(dead.get(0).value()).isEqualTo(invalid);
      assertThat(dead.get(1).value()).isNull();
      assertThat(header(dead.get(1), DeadLetterHeaders.SOURCE_OFFSET)).isEqualTo("1");
      assertThat(enrich.enriched.isEmpty()).isTrue();
      assertThat(enrich.listener.calls)
          .containsExactly("deadLettered invalid", "deadLettered undecodable");
    }
  }

  @Test
  void shouldNameEveryNodeAndStoreWhenBuilt() {
    EnrichTopology topology =
        new EnrichTopology(
            EnrichDriver.TOPICS,
            EnrichSettings.defaults(),
            Duration.ofSeconds(5),
            EnrichListener.NO_OP);

    TopologyDescription description = topology.build().describe();

    assertThat(description.toString())
        .isEqualTo(
            """
            Topologies:
               Sub-topology: 0
                Source: read-samples-raw (topics: [raw])
                  --> check-batch
                Processor: check-batch (stores: [])
                  --> track-staleness, write-dlq-enrich
                  <-- read-samples-raw
                Processor: track-staleness (stores: [series-by-target-store])
                  --> enrich-kubernetes, write-dlq-enrich
                  <-- check-batch
                Processor: enrich-kubernetes (stores: [])
                  --> enriched-batches, write-dlq-enrich
                  <-- track-staleness
                Processor: enriched-batches (stores: [])
                  --> write-samples-enriched
                  <-- enrich-kubernetes
                Sink: write-dlq-enrich (topic: dlq)
                  <-- check-batch, enrich-kubernetes, track-staleness
                Sink: write-samples-enriched (topic: enriched)
                  <-- enriched-batches

              Sub-topology: 1 for global store (will not generate tasks)
                Source: read-k8s-metadata (topics: [k8s])
                  --> update-k8s-metadata
                Processor: update-k8s-metadata (stores: [k8s-metadata-table])
                  --> none
                  <-- read-k8s-metadata
                        """);
  }

  static EnrichSettings stagesOff() {
    return new EnrichSettings(
        "enrich-test",
        ProcessingGuarantee.AT_LEAST_ONCE,
        new KubernetesEnrichSettings(
            false, List.of(), List.of(), List.of(), List.of(), List.of(), false),
        Map.of(),
        new StalenessSettings(false, Optional.empty()));
  }

  private static String header(TestRecord<String, byte[]> record, String key) {
    Header header = record.headers().lastHeader(key);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }
}
