package io.scrapestream.allocator.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MembershipStateTest {
  private static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");
  private final MembershipState state = new MembershipState(Duration.ofSeconds(30));

  @Test
  void shouldCountOnlyReadyPodsWhenSomeWereNeverReady() {
    state.observe("scraper-0", true, T0);
    state.observe("scraper-1", false, T0);

    assertThat(state.members(T0)).containsExactly("scraper-0");
    assertThat(state.nextExpiry()).isEmpty();
  }

  @Test
  void shouldKeepPodForGracePeriodWhenItTurnsNotReady() {
    state.observe("scraper-0", true, T0);
    state.observe("scraper-0", false, T0.plusSeconds(10));

    assertThat(state.members(T0.plusSeconds(39))).containsExactly("scraper-0");
    assertThat(state.nextExpiry()).isEqualTo(Optional.of(T0.plusSeconds(40)));
    assertThat(state.members(T0.plusSeconds(40))).isEmpty();
    assertThat(state.nextExpiry()).isEmpty();
  }

  @Test
  void shouldStayMemberWhenPodRecoversWithinGrace() {
    state.observe("scraper-0", true, T0);
    state.observe("scraper-0", false, T0.plusSeconds(1));
    state.observe("scraper-0", true, T0.plusSeconds(5));

    assertThat(state.members(T0.plusSeconds(100))).containsExactly("scraper-0");
  }

  @Test
  void shouldDropPodAtOnceWhenRemovedDuringGrace() {
    state.observe("scraper-0", true, T0);
    state.observe("scraper-0", false, T0.plusSeconds(1));
    state.remove("scraper-0");

    assertThat(state.members(T0.plusSeconds(2))).isEmpty();
  }

  @Test
  void shouldLeaveAtOnceWhenGraceIsZero() {
    MembershipState noGrace = new MembershipState(Duration.ZERO);
    noGrace.observe("scraper-0", true, T0);
    noGrace.observe("scraper-0", false, T0);

    assertThat(noGrace.members(T0)).isEmpty();
  }
}
