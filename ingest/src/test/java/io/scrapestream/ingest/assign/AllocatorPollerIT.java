package io.scrapestream.ingest.assign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scrapestream.core.config.ScrapeConfig;
import io.scrapestream.core.config.ScrapeHttpConfig;
import io.scrapestream.core.config.ScraperAllocatorSettings;
import io.scrapestream.core.config.StaticConfig;
import io.scrapestream.core.target.TargetKey;
import io.scrapestream.ingest.publish.BatchPublisher;
import io.scrapestream.ingest.scrape.ScrapeClient;
import io.scrapestream.ingest.scrape.ScrapeJob;
import io.scrapestream.ingest.scrape.ScrapeListener;
import io.scrapestream.ingest.scrape.ScrapeScheduler;
import io.scrapestream.schemas.v1.ScrapeBatch;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The poll loop against an allocator speaking the OTel Target Allocator protocol over HTTP. */
@Timeout(60)
class AllocatorPollerIT {
  private static final BatchPublisher DISCARD =
      new BatchPublisher() {
        @Override
        public boolean publish(ScrapeBatch batch) {
          return true;
        }

        @Override
        public void close() {}
      };

  private final RecordingAssignmentListener listener = new RecordingAssignmentListener();
  private FakeAllocator allocator;
  private ScrapeScheduler scheduler;
  private AllocatorPoller poller;
  private AssignmentLoop loop;

  @BeforeEach
  void start() throws Exception {
    allocator = new FakeAllocator();
    ScraperAllocatorSettings settings =
        new ScraperAllocatorSettings(
            allocator.url(),
            "c-1",
            Duration.ofHours(1),
            Duration.ofSeconds(5),
            ScrapeHttpConfig.DEFAULT);
    scheduler = new ScrapeScheduler(DISCARD, ScrapeListener.NO_OP, Clock.systemUTC(), 2);
    poller = new AllocatorPoller(new AllocatorApi(settings, "test"));
    ScrapeAssignment assignment =
        new ScrapeAssignment(
            scheduler, List.of(local("local"), local("a")), AllocatorPollerIT::job);
    loop = new AssignmentLoop(settings, poller, assignment, listener);
  }

  @AfterEach
  void stop() throws Exception {
    loop.close();
    scheduler.close();
    allocator.close();
  }

  @Test
  void shouldFollowAssignmentWhenAllocatorChangesIt() throws Exception {
    allocator.jobs("a");
    allocator.targets("a", "10.0.0.1:9", "10.0.0.2:9");
    loop.pollOnce();
    assertThat(scheduler.scheduledKeys())
        .isEqualTo(Set.of(key("a", "10.0.0.1:9"), key("a", "10.0.0.2:9"), key("local", "l:1")));

    allocator.targets("a", "10.0.0.2:9", "10.0.0.3:9");
    loop.pollOnce();

    assertThat(scheduler.scheduledKeys())
        .isEqualTo(Set.of(key("a", "10.0.0.2:9"), key("a", "10.0.0.3:9"), key("local", "l:1")));
    assertThat(listener.polls).containsExactly(3, 3);
    assertThat(listener.failures).isEmpty();
    assertThat(allocator.requests())
        .containsExactly(
            "/scrape_configs",
            FakeAllocator.targetsUri("a"),
            "/scrape_configs",
            FakeAllocator.targetsUri("a"));
  }

  @Test
  void shouldKeepAssignmentWhenAllocatorFailsThenIsUnreachable() throws Exception {
    allocator.jobs("a");
    allocator.targets("a", "10.0.0.1:9");
    loop.pollOnce();
    Set<String> assigned = scheduler.scheduledKeys();

    allocator.answer("/scrape_configs", 503, "overloaded\n");
    loop.pollOnce();
    assertThat(scheduler.scheduledKeys()).isEqualTo(assigned);
    allocator.close();
    loop.pollOnce();

    assertThat(scheduler.scheduledKeys()).isEqualTo(assigned);
    assertThat(listener.failures).containsExactly(PollFailure.STATUS, PollFailure.UNREACHABLE);
    assertThat(listener.polls).containsExactly(2);
  }

  @Test
  void shouldKeepAssignmentWhenBodyIsNotTheProtocolsJson() throws Exception {
    allocator.jobs("a");
    allocator.targets("a", "10.0.0.1:9");
    loop.pollOnce();
    Set<String> assigned = scheduler.scheduledKeys();

    allocator.answer("/scrape_configs", 200, "[]");
    assertThatThrownBy(poller::poll)
        .isInstanceOf(PollException.class)
        .hasMessage(
            "/scrape_configs must be a JSON object of job name to scrape config. Found: []");
    allocator.answer("/scrape_configs", 200, "{\"a\":");
    loop.pollOnce();

    assertThat(scheduler.scheduledKeys()).isEqualTo(assigned);
    assertThat(listener.failures).containsExactly(PollFailure.INVALID_RESPONSE);
  }

  @Test
  void shouldKeepJobsLastTargetsWhenItsTargetsAnswer404() throws Exception {
    allocator.jobs("a", "b");
    allocator.targets("a", "10.0.0.1:9");
    allocator.targets("b", "10.0.0.5:9");
    loop.pollOnce();
    allocator.targets("a", "10.0.0.2:9");
    allocator.answer(FakeAllocator.targetsUri("b"), 404, "not found\n");

    AllocatorPoller.Poll poll = poller.poll();

    assertThat(poll.problems())
        .singleElement()
        .extracting(PollException::getMessage)
        .isEqualTo(
            "GET "
                + allocator.url()
                + FakeAllocator.targetsUri("b")
                + ": server returned HTTP status 404 Not Found");
    assertThat(poll.jobs())
        .extracting(job -> job.targets().get(0).url().getAuthority())
        .containsExactly("10.0.0.2:9", "10.0.0.5:9");
  }

  @Test
  void shouldDropJobWhenAllocatorNoLongerServesIt() throws Exception {
    allocator.jobs("a", "b");
    allocator.targets("a", "10.0.0.1:9");
    allocator.targets("b", "10.0.0.5:9");
    loop.pollOnce();

    allocator.jobs("b");
    loop.pollOnce();

    assertThat(scheduler.scheduledKeys())
        .isEqualTo(Set.of(key("b", "10.0.0.5:9"), key("local", "l:1"), key("a", "l:1")));
  }

  @Test
  void shouldRefuseJobWhenAllocatorRedactedItsSecret() throws Exception {
    allocator.answer(
        "/scrape_configs",
        200,
        "{\"a\":{\"job_name\":\"a\",\"basic_auth\":{\"username\":\"u\",\"password\":\"<secret>\"}}}");

    AllocatorPoller.Poll poll = poller.poll();

    assertThat(poll.jobs()).isEmpty();
    assertThat(poll.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.reason()).isEqualTo(PollFailure.REDACTED_SECRET);
              assertThat(p.getMessage())
                  .isEqualTo(
                      "job a: the allocator redacted a credential as <secret> (serve secrets over"
                          + " HTTPS with an API token or client certificate)");
            });
  }

  @Test
  void shouldScrapeNoStaticJobWhenAllocatorNeverAnswered() throws Exception {
    allocator.close();

    loop.pollOnce();

    assertThat(scheduler.scheduledKeys()).isEmpty();
    assertThat(listener.failures).containsExactly(PollFailure.UNREACHABLE);
  }

  private static String key(String job, String address) {
    return TargetKey.of(job, address, "/metrics", "http", Map.of()).value();
  }

  private static ScrapeConfig local(String name) {
    return new ScrapeConfig(
        name,
        Duration.ofHours(1),
        Duration.ofSeconds(10),
        "/metrics",
        "http",
        Map.of(),
        false,
        true,
        List.of(new StaticConfig(List.of("l:1"), Map.of())));
  }

  private static ScrapeJob job(ScrapeConfig config) {
    return new ScrapeJob(
        new ScrapeClient(config.http(), "test"),
        config.limits(),
        config.format(),
        ScrapeListener.NO_OP,
        Clock.systemUTC(),
        "s-1");
  }
}
