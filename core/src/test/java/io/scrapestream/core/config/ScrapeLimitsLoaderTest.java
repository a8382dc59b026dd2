package io.scrapestream.core.config;

import static io.scrapestream.core.config.ScrapeHttpConfigLoaderTest.problems;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Limits and format keys of jobs and of {@code global}, with Prometheus's inheritance. */
class ScrapeLimitsLoaderTest {

  @Test
  void shouldHaveNoLimitsAndDefaultProtocolsWhenNothingIsSet() throws Exception {
    ScrapeConfig job = load("scrape_configs: [{job_name: j}]\n").scrapeConfigs().get(0);

    assertThat(job.limits()).isEqualTo(ScrapeLimits.NONE);
    assertThat(job.format()).isEqualTo(ScrapeFormat.DEFAULT);
    assertThat(job.format().protocols())
        .containsExactly(
            ScrapeProtocol.OPENMETRICS_TEXT_1_0_0,
            ScrapeProtocol.OPENMETRICS_TEXT_0_0_1,
            ScrapeProtocol.PROMETHEUS_TEXT_1_0_0,
            ScrapeProtocol.PROMETHEUS_TEXT_0_0_4);
  }

  @Test
  void shouldReadEveryLimitWhenJobSetsThem() throws Exception {
    ScrapeConfig job =
        load("scrape_configs: [{job_name: j, sample_limit: 1000, label_limit: 30,"
                + " label_name_length_limit: 200, label_value_length_limit: 2048,"
                + " body_size_limit: 10MB, target_limit: 50}]\n")
            .scrapeConfigs()
            .get(0);

    assertThat(job.limits()).isEqualTo(new ScrapeLimits(1000, 30, 200, 2048, 10L << 20, 50));
  }

  @Test
  void shouldInheritEachGlobalLimitWhenJobLeavesItAtZero() throws Exception {
    ScrapestreamConfig config =
        load(
            "global: {sample_limit: 500, label_limit: 20, body_size_limit: 1GB,"
                + " label_name_length_limit: 100, label_value_length_limit: 1000, target_limit: 7}\n"
                + "scrape_configs: [{job_name: j, sample_limit: 0, label_limit: 40},"
                + " {job_name: k, target_limit: 9}]\n");

    assertThat(config.global().scrapeLimits())
        .isEqualTo(new ScrapeLimits(500, 20, 100, 1000, 1L << 30, 7));
    assertThat(config.scrapeConfigs().get(0).limits())
        .isEqualTo(new ScrapeLimits(500, 40, 100, 1000, 1L << 30, 7));
    assertThat(config.scrapeConfigs().get(1).limits().targetLimit()).isEqualTo(9);
  }

  @Test
  void shouldReadBodySizeLimitWhenWrittenAsPlainBytes() throws Exception {
    ScrapeConfig job =
        load("scrape_configs: [{job_name: j, body_size_limit: 1048576}]\n").scrapeConfigs().get(0);

    assertThat(job.limits().bodySizeLimitBytes()).isEqualTo(1_048_576L);
  }

  @Test
  void shouldReadProtocolsAndFallbackWhenJobSetsThem() throws Exception {
    ScrapeConfig job =
        load("scrape_configs: [{job_name: j, scrape_protocols: [PrometheusText0.0.4,"
                + " PrometheusProto], fallback_scrape_protocol: PrometheusText0.0.4,"
                + " scrape_classic_histograms: true}]\n")
            .scrapeConfigs()
            .get(0);

    assertThat(job.format())
        .isEqualTo(
            new ScrapeFormat(
                List.of(ScrapeProtocol.PROMETHEUS_TEXT_0_0_4, ScrapeProtocol.PROMETHEUS_PROTO),
                Optional.of(ScrapeProtocol.PROMETHEUS_TEXT_0_0_4),
                true));
  }

  @Test
  void shouldAcceptPrometheus3NameWhenClassicHistogramsUseIt() throws Exception {
    ScrapeConfig job =
        load("scrape_configs: [{job_name: j, always_scrape_classic_histograms: true}]\n")
            .scrapeConfigs()
            .get(0);

    assertThat(job.format().classicHistograms()).isTrue();
  }

  @Test
  void shouldInheritGlobalProtocolsWhenJobSetsNone() throws Exception {
    ScrapestreamConfig config =
        load(
            "global: {scrape_protocols: [OpenMetricsText1.0.0]}\n"
                + "scrape_configs: [{job_name: a}, {job_name: b, scrape_protocols:"
                + " [PrometheusText1.0.0]}]\n");

    assertThat(config.scrapeConfigs().get(0).format().protocols())
        .containsExactly(ScrapeProtocol.OPENMETRICS_TEXT_1_0_0);
    assertThat(config.scrapeConfigs().get(1).format().protocols())
        .containsExactly(ScrapeProtocol.PROMETHEUS_TEXT_1_0_0);
  }

  @Test
  void shouldReportLimitAndFormatProblemsWhenValuesAreInvalid() {
    assertThat(
            problems(
                "{sample_limit: -1, label_limit: many, body_size_limit: 10kB}",
                "{body_size_limit: -5, label_value_length_limit: 1.5}",
                "{scrape_protocols: [PrometheusText0.0.4, Text, PrometheusText0.0.4]}",
                "{scrape_protocols: [], fallback_scrape_protocol: text/plain}",
                "{scrape_classic_histograms: true, always_scrape_classic_histograms: true}"))
        .containsExactly(
            "scrape_configs[0].sample_limit: must not be negative (0 means no limit). Found: -1",
            "scrape_configs[0].label_limit: must be an integer. Found: \"many\"",
            "scrape_configs[0].body_size_limit: must be a size such as 10MB, 512KiB or 0 (units"
                + " B, KB, MB, GB, TB, PB, EB, powers of 1024). Found: \"10kB\"",
            "scrape_configs[1].label_value_length_limit: must be an integer. Found: 1.5",
            "scrape_configs[1].body_size_limit: must be a size such as 10MB, 512KiB or 0 (units"
                + " B, KB, MB, GB, TB, PB, EB, powers of 1024). Found: -5",
            "scrape_configs[2].scrape_protocols[1]: must be one of: PrometheusProto,"
                + " OpenMetricsText1.0.0, OpenMetricsText0.0.1, PrometheusText1.0.0,"
                + " PrometheusText0.0.4. Found: \"Text\"",
            "scrape_configs[2].scrape_protocols[2]: must not repeat a protocol. Found:"
                + " \"PrometheusText0.0.4\"",
            "scrape_configs[3].scrape_protocols: must not be empty. Found: []",
            "scrape_configs[3].fallback_scrape_protocol: must be one of: PrometheusProto,"
                + " OpenMetricsText1.0.0, OpenMetricsText0.0.1, PrometheusText1.0.0,"
                + " PrometheusText0.0.4. Found: \"text/plain\"",
            "scrape_configs[4]: at most one of scrape_classic_histograms &"
                + " always_scrape_classic_histograms must be configured. Found:"
                + " scrape_classic_histograms, always_scrape_classic_histograms");
  }

  @Test
  void shouldReportGlobalProblemsWhenGlobalLimitsAreInvalid() {
    ConfigException e =
        catchThrowableOfType(
            ConfigException.class,
            () -> load("global: {sample_limit: -3, scrape_protocols: [Proto]}\n"));

    assertThat(e.problems())
        .containsExactly(
            "global.sample_limit: must not be negative (0 means no limit). Found: -3",
            "global.scrape_protocols[0]: must be one of: PrometheusProto, OpenMetricsText1.0.0,"
                + " OpenMetricsText0.0.1, PrometheusText1.0.0, PrometheusText0.0.4. Found:"
                + " \"Proto\"");
  }

  private static ScrapestreamConfig load(String yaml) throws ConfigException {
    return ConfigLoader.load(yaml, "test.yaml", Map.of(), () -> "host");
  }
}
