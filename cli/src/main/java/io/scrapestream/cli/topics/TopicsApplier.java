package io.scrapestream.cli.topics;

import io.scrapestream.core.config.ScrapestreamConfig;
import io.scrapestream.core.kafka.KafkaClientProperties;
import io.scrapestream.core.kafka.Topics;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;

/** Creates Scrapestream's topics when they are missing (idempotent). */
public final class TopicsApplier {
  private TopicsApplier() {}

  /** The topics a configuration needs. */
  public static List<NewTopic> topics(ScrapestreamConfig config, int partitions, short replicas) {
    List<NewTopic> topics = new ArrayList<>();
    topics.add(new NewTopic(Topics.samplesRaw(config.kafka()), partitions, replicas));
    topics.add(new NewTopic(Topics.samplesEnriched(config.kafka()), partitions, replicas));
    topics.add(
        new NewTopic(Topics.k8sMetadata(config.kafka()), partitions, replicas)
            .configs(Map.of("cleanup.policy", "compact")));
    topics.add(new NewTopic(Topics.deadLetter(config.kafka(), "enrich"), 1, replicas));
    config
        .backends()
        .forEach(
            b ->
                topics.add(new NewTopic(Topics.deadLetter(config.kafka(), b.name()), 1, replicas)));
    config.backends().stream()
        .filter(b -> !b.transforms().isEmpty())
        .forEach(
            b ->
                topics.add(
                    new NewTopic(Topics.out(config.kafka(), b.name()), partitions, replicas)));
    return topics;
  }

  /** Creates those of {@code topics} that do not exist yet; returns the names it created. */
  public static List<String> apply(ScrapestreamConfig config, List<NewTopic> topics)
      throws InterruptedException, ExecutionException {
    try (Admin admin =
        Admin.create(KafkaClientProperties.admin(config.kafka(), "scrapestream-topics"))) {
      Set<String> existing = admin.listTopics().names().get();
      List<NewTopic> missing = topics.stream().filter(t -> !existing.contains(t.name())).toList();
      if (!missing.isEmpty()) {
        admin.createTopics(missing).all().get();
      }
      return missing.stream().map(NewTopic::name).toList();
    }
  }
}
