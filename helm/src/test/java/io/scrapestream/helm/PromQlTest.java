package io.scrapestream.helm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PromQlTest {
  @Test
  void shouldFindSelectedMetricsWhenExpressionHasFunctionsGroupingsAndMatchers() {
    String expr =
        "histogram_quantile(0.99, sum by (le, backend) (rate(a_bucket{ns=\"$x\",b=~\"c|d\"}"
            + "[$__rate_interval]))) / on (ns) group_left (pod) b_total > bool 0.5 unless c";

    assertThat(PromQl.metricNames(expr)).containsExactly("a_bucket", "b_total", "c");
  }
}
