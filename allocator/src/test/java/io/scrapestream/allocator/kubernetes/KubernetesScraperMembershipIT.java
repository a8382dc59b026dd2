package io.scrapestream.allocator.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.scrapestream.core.config.LabelSelector;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@EnableKubernetesMockClient(crud = true, https = false)
@Timeout(60)
class KubernetesScraperMembershipIT {
  private static final Duration WAIT = Duration.ofSeconds(15);
  private static final Duration GRACE = Duration.ofSeconds(30);

  KubernetesClient client;
  private final MutableClock clock = new MutableClock(Instant.parse("2024-01-01T00:00:00Z"));
  private final ManualScheduler scheduler = new ManualScheduler();
  private final AtomicInteger changes = new AtomicInteger();
  private KubernetesInformers informers;
  private KubernetesScraperMembership membership;

  @BeforeEach
  void start() {
    client.resource(scraper("scraper-0", "True")).create();
    client.resource(scraper("scraper-1", "True")).create();
    client.resource(scraper("scraper-2", "False")).create();
    client
        .resource(
            new PodBuilder(scraper("other", "True"))
                .editMetadata()
                .withLabels(java.util.Map.of("app", "web"))
                .endMetadata()
                .build())
        .create();
    client
        .resource(
            new PodBuilder(scraper("scraper-9", "True"))
                .editMetadata()
                .withNamespace("elsewhere")
                .endMetadata()
                .build())
        .create();
    informers = new KubernetesInformers(client, InformerPlan.empty(), KubernetesListener.NO_OP);
    membership =
        new KubernetesScraperMembership(
            informers,
            new KubernetesScraperMembership.Selection(
                LabelSelector.parse("app=scraper"), "monitoring", GRACE),
            clock,
            scheduler);
    membership.onChange(changes::incrementAndGet);
    await().atMost(WAIT).until(() -> membership.ready().size() == 2);
  }

  @AfterEach
  void stop() {
    membership.close();
    informers.close();
    scheduler.shutdownNow();
  }

  @Test
  void shouldCountOnlySelectedReadyPodsOfTheNamespaceWhenStarted() {
    assertThat(membership.ready()).containsExactly("scraper-0", "scraper-1");
  }

  @Test
  void shouldKeepNotReadyPodUntilGraceEndsWhenItTurnsNotReady() {
    int before = changes.get();
    client.resource(scraper("scraper-1", "False")).update();
    await().atMost(WAIT).until(() -> scheduler.delaysMillis().size() == 1);
    assertThat(membership.ready()).containsExactly("scraper-0", "scraper-1");
    assertThat(scheduler.delaysMillis()).containsExactly(GRACE.toMillis());

    clock.advance(GRACE);
    scheduler.runAll();

    assertThat(membership.ready()).containsExactly("scraper-0");
    assertThat(changes.get()).isEqualTo(before + 1);
  }

  @Test
  void shouldAddPodWhenItBecomesReady() {
    client.resource(scraper("scraper-2", "True")).update();

    await().atMost(WAIT).until(() -> membership.ready().size() == 3);
    assertThat(membership.ready()).containsExactly("scraper-0", "scraper-1", "scraper-2");
  }

  @Test
  void shouldDropPodAtOnceWhenItIsDeleted() {
    client.pods().inNamespace("monitoring").withName("scraper-0").delete();

    await().atMost(WAIT).until(() -> membership.ready().size() == 1);
    assertThat(membership.ready()).containsExactly("scraper-1");
    assertThat(scheduler.delaysMillis()).isEmpty();
  }

  private static Pod scraper(String name, String ready) {
    return new PodBuilder()
        .withNewMetadata()
        .withName(name)
        .withNamespace("monitoring")
        .withLabels(java.util.Map.of("app", "scraper"))
        .endMetadata()
        .withNewStatus()
        .withPodIP("10.0.0.1")
        .addNewCondition()
        .withType("Ready")
        .withStatus(ready)
        .endCondition()
        .endStatus()
        .build();
  }
}
