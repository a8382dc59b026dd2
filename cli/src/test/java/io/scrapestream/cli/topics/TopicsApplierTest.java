package io.scrapestream.cli.topics;

import static org.assertj.core.api.Assertions.assertThat;

import io.scrapestream.core.config.ConfigLoader;
import io.scrapestream.core.config.ScrapestreamConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;

class TopicsApplierTest {
  @Test
  void shouldAddOutTopicOnlyForBackendsWithTransformsWhenListingTopics() throws Exception {
    ScrapestreamConfig config =
        ConfigLoader.load(
            "backends:\n"
                + "- name: vm\n"
                + "  file: {path: /tmp/vm}\n"
                + "  transforms: [{series_limit: 10}]\n"
                + "- name: plain\n"
                + "  file: {path: /tmp/plain}\n",
            "test.yaml");

    assertThat(TopicsApplier.topics(config, 3, (short) 1))
        .map(topic -> topic.name() + " " + topic.numPartitions())
        .containsExactly(
            "scrapestream.samples.raw 3",
            "scrapestream.samples.enriched 3",
            "scrapestream.k8s.metadata 3",
            "scrapestream.dlq.enrich 1",
            "scrapestream.dlq.vm 1",
            "scrapestream.dlq.plain 1",
            "scrapestream.out.vm 3");
    assertThat(TopicsApplier.topics(config, 3, (short) 1))
        .extracting(NewTopic::replicationFactor)
        .containsOnly((short) 1);
  }
}
