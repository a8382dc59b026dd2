package io.scrapestream.cli.topics;

import static org.assertj.core.api.Assertions.assertThat;

import io.scrapestream.cli.ScrapestreamCommand;
import io.scrapestream.testsupport.kafka.KafkaFixture;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

@ExtendWith(KafkaFixture.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TopicsCommandIT {
  @TempDir Path dir;

  @Test
  void shouldCreateEveryTopicOnceWhenAppliedTwice(KafkaFixture.Broker broker) throws Exception {
    String prefix = broker.uniqueName("topics");
    Path config = dir.resolve("config.yaml");
    Files.writeString(
        config,
        """
        kafka:
          bootstrap_servers: %s
          topic_prefix: %s
        backends:
          - name: amp
            file: {path: /tmp/unused.jsonl}
        """
            .formatted(broker.bootstrapServers(), prefix));

    StringWriter first = new StringWriter();
    int firstCode =
        run(
            first,
            "topics",
            "apply",
            "-c",
            config.toString(),
            "--partitions",
            "4",
            "--replication-factor",
            "1");
    StringWriter second = new StringWriter();
    int secondCode =
        run(second, "topics", "apply", "-c", config.toString(), "--replication-factor", "1");

    assertThat(firstCode).isZero();
    assertThat(secondCode).isZero();
    assertThat(first.toString().lines())
        .containsExactly(
            "created " + prefix + "samples.raw",
            "created " + prefix + "samples.enriched",
            "created " + prefix + "k8s.metadata",
            "created " + prefix + "dlq.enrich",
            "created " + prefix + "dlq.amp");
    assertThat(second.toString().lines()).allMatch(line -> line.startsWith("exists  " + prefix));
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
      TopicDescription raw =
          admin
              .describeTopics(Set.of(prefix + "samples.raw"))
              .allTopicNames()
              .get()
              .get(prefix + "samples.raw");
      assertThat(raw.partitions()).hasSize(4);
      ConfigResource metadata =
          new ConfigResource(ConfigResource.Type.TOPIC, prefix + "k8s.metadata");
      assertThat(
              admin
                  .describeConfigs(Set.of(metadata))
                  .all()
                  .get()
                  .get(metadata)
                  .get("cleanup.policy")
                  .value())
          .isEqualTo("compact");
    }
  }

  private static int run(StringWriter out, String... args) {
    CommandLine commandLine = ScrapestreamCommand.newCommandLine();
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(new StringWriter(), true));
    return commandLine.execute(args);
  }
}
