package io.scrapestream.enrich.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.scrapestream.core.batch.BatchRecords;
import io.scrapestream.core.batch.DeadLetterHeaders;
import io.scrapestream.schemas.v1.ScrapeBatch;
import io.scrapestream.schemas.v1.Series;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EnrichTopologyTest {
  private TopologyTestDriver driver;
  private TestInputTopic<String, byte[]> raw;
  private TestOutputTopic<String, byte[]> enriched;
  private TestOutputTopic<String, byte[]> deadLetters;

  @BeforeEach
  void setUp() {
    Properties props = new Properties();
    props.put("application.id", "enrich-topology-test");
    props.put("bootstrap.servers", "unused:9092");
    driver = new TopologyTestDriver(new EnrichTopology("raw", "enriched", "dlq").build(), props);
    raw = driver.createInputTopic("raw", new StringSerializer(), new ByteArraySerializer());
    enriched =
        driver.createOutputTopic("enriched", new StringDeserializer(), new ByteArrayDeserializer());
    deadLetters =
        driver.createOutputTopic("dlq", new StringDeserializer(), new ByteArrayDeserializer());
  }

  @AfterEach
  void tearDown() {
    driver.close();
  }

  @Test
  void shouldForwardBatchBytesUnchangedWhenRecordDecodes() throws Exception {
    byte[] value =
        ScrapeBatch.newBuilder()
            .addSymbols("")
            .addSeries(Series.newBuilder().setValueBits(BatchRecords.STALE_MARKER_BITS))
            .build()
            .toByteArray();

    raw.pipeInput("target-a", value);

    TestRecord<String, byte[]> out = enriched.readRecord();
    assertThat(out.key()).isEqualTo("target-a");
    assertThat(out.value()).isEqualTo(value);
    assertThat(ScrapeBatch.parseFrom(out.value()).getSeries(0).getValueBits())
        .isEqualTo(0x7ff0000000000002L);
    assertThat(deadLetters.isEmpty()).isTrue();
  }

  @Test
  void shouldSendRecordToDeadLetterTopicWithProvenanceWhenValueDoesNotDecode() {
    byte[] poison = {(byte) 0xff, (byte) 0xff, (byte) 0xff};
    byte[] good = ScrapeBatch.newBuilder().addSymbols("").build().toByteArray();

    raw.pipeInput("target-b", poison);
    raw.pipeInput("target-b", good);

    TestRecord<String, byte[]> dead = deadLetters.readRecord();
    assertThat(dead.key()).isEqualTo("target-b");
    assertThat(dead.value()).isEqualTo(poison);
    assertThat(header(dead, DeadLetterHeaders.STAGE)).isEqualTo("enrich");
    assertThat(header(dead, DeadLetterHeaders.ERROR_CLASS)).isEqualTo("rejected");
    assertThat(header(dead, DeadLetterHeaders.ERROR_MESSAGE))
        .startsWith("InvalidProtocolBufferException: ");
    assertThat(header(dead, DeadLetterHeaders.SOURCE_TOPIC)).isEqualTo("raw");
    assertThat(header(dead, DeadLetterHeaders.SOURCE_PARTITION)).isEqualTo("0");
    assertThat(header(dead, DeadLetterHeaders.SOURCE_OFFSET)).isEqualTo("0");
    assertThat(enriched.readRecord().value()).isEqualTo(good);
  }

  private static String header(TestRecord<String, byte[]> record, String key) {
    Header header = record.headers().lastHeader(key);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }
}
