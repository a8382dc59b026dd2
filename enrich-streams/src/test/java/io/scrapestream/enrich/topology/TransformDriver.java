package io.scrapestream.enrich.topology;

import io.scrapestream.core.config.ConfigException;
import io.scrapestream.core.config.ConfigLoader;
import io.scrapestream.core.config.ScrapestreamConfig;
import io.scrapestream.enrich.Batches;
import io.scrapestream.enrich.RecordingListener;
import io.scrapestream.schemas.v1.ScrapeBatch;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;

/**
 * A {@link TopologyTestDriver} around {@link EnrichTopology} with the backends (and their
 * transforms) of a YAML {@code backends:} section; staleness and Kubernetes enrichment off.
 */
final class TransformDriver implements AutoCloseable {
  final RecordingListener listener = new RecordingListener();
  final Topology topology;
  final TopologyTestDriver driver;
  final TestInputTopic<String, byte[]> raw;
  final TestOutputTopic<String, byte[]> enriched;
  final TestOutputTopic<String, byte[]> deadLetters;

  TransformDriver(String backendsYaml, Path stateDir) throws ConfigException {
    ScrapestreamConfig config = ConfigLoader.load(backendsYaml, "test.yaml");
    Properties props = new Properties();
    props.put("application.id", "transform-topology-test");
    props.put("bootstrap.servers", "unused:9092");
    props.put("state.dir", stateDir.toString());
    topology =
        new EnrichTopology(
                EnrichDriver.TOPICS,
                EnrichTopologyTest.stagesOff(),
                EnrichDriver.PUNCTUATE,
                listener)
            .withBackends(config.backends(), backend -> "out." + backend)
            .build();
    driver = new TopologyTestDriver(topology, props, EnrichDriver.T0);
    raw = driver.createInputTopic("raw", new StringSerializer(), new ByteArraySerializer());
    enriched = output("enriched");
    deadLetters = output("dlq");
  }

  TestOutputTopic<String, byte[]> output(String topic) {
    return driver.createOutputTopic(topic, new StringDeserializer(), new ByteArrayDeserializer());
  }

  void pipe(ScrapeBatch batch) {
    raw.pipeInput(batch.getTarget().getKey(), batch.toByteArray());
  }

  /** Every batch written to {@code out.<backend>} since the last call, decoded. */
  List<ScrapeBatch> out(String backend) throws Exception {
    List<ScrapeBatch> batches = new ArrayList<>();
    for (byte[] value : output("out." + backend).readValuesToList()) {
      batches.add(ScrapeBatch.parseFrom(value));
    }
    return batches;
  }

  /** The series of the one batch written to {@code out.<backend>}, as {@link Batches#lines}. */
  List<String> outLines(String backend) throws Exception {
    List<ScrapeBatch> batches = out(backend);
    if (batches.size() != 1) {
      throw new AssertionError(
          "expected one batch on out." + backend + ". Found: " + batches.size());
    }
    return Batches.lines(batches.get(0));
  }

  @Override
  public void close() {
    driver.close();
  }
}
