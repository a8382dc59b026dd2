package io.scrapestream.sink.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ProcCpuTest {
  @Test
  void shouldAddUtimeAndStimeWhenTheNameHoldsSpacesAndParentheses() {
    String stat =
        "4242 (C2 Compiler (x)) S 1 4242 4242 0 -1 4194624 100 0 0 0 1234 56 0 0 20 0 30 0 777";

    assertThat(ProcCpu.ticks(stat)).isEqualTo(1290);
  }

  @Test
  void shouldNameThreadsByRoleWhenTheirNamesHoldNumbers() {
    assertThat(ProcCpu.name("sink-b31337r12\n")).isEqualTo("sink-poll");
    assertThat(ProcCpu.name("sink-b31337r1-e")).isEqualTo("sink-export");
    assertThat(ProcCpu.name("sink-b3r1-expor")).isEqualTo("sink-export");
    assertThat(ProcCpu.name("C2 CompilerThre")).isEqualTo("C2_compiler");
    assertThat(ProcCpu.name("C1 CompilerThre")).isEqualTo("C1_compiler");
    assertThat(ProcCpu.name("GC Thread#1")).isEqualTo("GC Thread");
    assertThat(ProcCpu.name("HttpClient-1-Wo")).isEqualTo("HttpClient-Wo");
  }

  @Test
  void shouldSplitTheCpuByNameWhenThreadsStartedAndEnded() {
    ProcCpu before =
        new ProcCpu(
            300,
            Map.of(
                1L, new ProcCpu.ThreadTicks("sink-poll", 100),
                2L, new ProcCpu.ThreadTicks("GC Thread", 50),
                3L, new ProcCpu.ThreadTicks("C2_compiler", 150)));
    ProcCpu after =
        new ProcCpu(
            800,
            Map.of(
                1L, new ProcCpu.ThreadTicks("sink-poll", 250),
                2L, new ProcCpu.ThreadTicks("GC Thread", 60),
                3L, new ProcCpu.ThreadTicks("C2_compiler", 350),
                4L, new ProcCpu.ThreadTicks("GC Thread", 30)));

    assertThat(after.secondsSince(before)).isEqualTo(5.0);
    assertThat(after.jitSecondsSince(before)).isEqualTo(2.0);
    assertThat(after.split(before, 3)).isEqualTo("C2_compiler=2.00 sink-poll=1.50 (ended)=1.10");
  }
}
