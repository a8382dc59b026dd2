package io.scrapestream.ingest.scrape;

import static io.scrapestream.ingest.scrape.Scrapes.value;
import static org.assertj.core.api.Assertions.assertThat;

import io.scrapestream.core.config.ScrapeLimits;
import io.scrapestream.schemas.v1.ScrapeBatch;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each bad input of the issue against a real HTTP target: the scrape fails cleanly with the exact
 * error in its report (or, where Prometheus keeps the scrape and drops samples, the same here), and
 * a scrape of another target right after succeeds with the same job.
 */
@Timeout(60)
class ScrapeMalformedBodyIT extends BadInputFixture {
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "unterminated label set | m{a=\"1\" 1\\n | line 2, column 9: expected ',' or '}' after a label value. Found: '1'",
        "unquoted label value | m{a=1} 1\\n | line 2, column 5: expected '\"' to open the value of label 'a'. Found: '1'",
        "missing value | m\\n | line 2, column 2: expected sample value. Found: end of line",
        "value not a number | m one\\n | line 2, column 3: invalid sample value 'one': expected a decimal number, NaN, +Inf or -Inf",
        "timestamp not an integer | m 1 12.5x\\n | line 2, column 5: invalid timestamp '12.5x': expected an integer",
        "unknown metric type | # TYPE m bogus\\nm 1\\n | line 2, column 10: unknown metric type 'bogus' for 'm': expected counter, gauge, histogram, summary or untyped",
        "name starting with a digit | 1m 1\\n | line 2, column 1: expected a metric name, '#' or an empty line. Found: '1'",
        "repeated label name | m{a=\"1\",a=\"2\"} 1\\n | line 2, column 9: duplicate label name 'a'",
        "text after the timestamp | m 1 2 3\\n | line 2, column 7: expected end of line after the timestamp. Found: '3'",
        "unclosed label value | m{a=\"v} 1\\n | line 2, column 10: unterminated label value: line feed before the closing '\"'"
      })
  void shouldFailCleanlyWhenTextLineIsMalformed(String kind, String body, String error)
      throws Exception {
    ScrapeBatch batch = scrape(servers.serve(TEXT, "ok 1\n" + unescape(body)));

    assertDown(batch, error);
    assertThat(batch.getReport().getSamplesScraped()).isEqualTo(1);
    assertNextTargetScrapes();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "missing EOF | m 1\\n | line 2, column 1: missing '# EOF' at the end of the exposition",
        "text after EOF | m 1\\n# EOF\\nm 2\\n | line 3, column 1: expected the end of input after '# EOF'. Found: 'm'",
        "empty line | m 1\\n\\n# EOF\\n | line 2, column 1: empty line: OpenMetrics allows none",
        "counter sample without _total | # TYPE c counter\\nc 1\\n# EOF\\n | line 2, column 1: sample name 'c' is not one of counter 'c': expected the name followed by one of _total, _created",
        "unknown comment | # hello\\n# EOF\\n | line 1, column 3: expected TYPE, HELP, UNIT or EOF after '# ' (OpenMetrics has no other comments). Found: 'h'",
        "histogram bucket without le | # TYPE h histogram\\nh_bucket 1\\n# EOF\\n | line 2, column 1: bucket 'h_bucket' has no 'le' label",
        "value not a number | m x\\n# EOF\\n | line 1, column 3: invalid sample value 'x': expected a decimal number, NaN, +Inf or -Inf"
      })
  void shouldFailCleanlyWhenOpenMetricsIsMalformed(String kind, String body, String error)
      throws Exception {
    ScrapeBatch batch = scrape(servers.serve(OPENMETRICS, unescape(body)));

    assertDown(batch, error);
    assertNextTargetScrapes();
  }

  @ParameterizedTest
  @CsvSource({"text/plain; version=0.0.4, ''", "application/openmetrics-text, '# EOF\n'"})
  void shouldFailCleanlyWhenLabelValueIsInvalidUtf8(String contentType, String end)
      throws Exception {
    byte[] body =
        concat(
            "m{a=\"".getBytes(StandardCharsets.US_ASCII),
            new byte[] {(byte) 0xc3, 0x28},
            ("\"} 1\n" + end).getBytes(StandardCharsets.US_ASCII));
    URI url = servers.start(exchange -> TestServers.respond(exchange, contentType, body));

    assertDown(scrape(url), "line 1, column 6: invalid UTF-8 in label value");
    assertNextTargetScrapes();
  }

  @Test
  void shouldKeepScrapeAndDropDuplicateWhenSeriesIsExposedTwice() throws Exception {
    ScrapeBatch batch = scrape(servers.serve(TEXT, "a 1\na 2\nb 3\n"));

    assertThat(batch.getReport().getUp()).isTrue();
    assertThat(Scrapes.count(batch, "a")).isEqualTo(1);
    assertThat(value(batch, "a")).isEqualTo(1.0);
    assertThat(value(batch, "scrape_samples_scraped")).isEqualTo(3.0);
    assertThat(value(batch, "scrape_samples_post_metric_relabeling")).isEqualTo(3.0);
    assertThat(Scrapes.count(batch, "scrape_series_added")).isZero();
    assertThat(listener.events).containsExactly("dropped duplicate_timestamp 1");
    assertNextTargetScrapes();
  }

  @Test
  void shouldKeepNanAndInfinitiesWhenExposed() throws Exception {
    ScrapeBatch batch = scrape(servers.serve(OPENMETRICS, "a NaN\nb +Inf\nc -Inf\n# EOF\n"));

    assertThat(batch.getReport().getUp()).isTrue();
    assertThat(value(batch, "a")).isNaN();
    assertThat(value(batch, "b")).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(value(batch, "c")).isEqualTo(Double.NEGATIVE_INFINITY);
    assertNextTargetScrapes();
  }

  @Test
  void shouldKeepScrapeAndDropSampleWhenTimestampIsFarAhead() throws Exception {
    long ahead = Scrapes.NOW_MS + SampleAdmission.MAX_AHEAD_MS + 1;
    ScrapeBatch batch = scrape(servers.serve(TEXT, "a 1\nb 2 " + ahead + "\n"));

    assertThat(batch.getReport().getUp()).isTrue();
    assertThat(Scrapes.count(batch, "b")).isZero();
    assertThat(value(batch, "a")).isEqualTo(1.0);
    assertThat(value(batch, "scrape_samples_post_metric_relabeling")).isEqualTo(2.0);
    assertThat(listener.events).containsExactly("dropped out_of_bounds 1");
    assertNextTargetScrapes();
  }

  @Test
  void shouldFailWithCountsWhenSampleLimitIsExceeded() throws Exception {
    ScrapeBatch batch =
        scrape(servers.serve(TEXT, "a 1\nb 2\nc 3\n"), new ScrapeLimits(2, 0, 0, 0, 0));

    assertDown(batch, "sample limit exceeded (sample_limit 2, 3 samples)");
    assertThat(value(batch, "scrape_samples_scraped")).isEqualTo(3.0);
    assertThat(listener.events).containsExactly("limit sample");
    assertNextTargetScrapes();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "label_limit | 0,4,0,0 | label | label_limit exceeded (metric: m, number of labels: 5,"
            + " limit: 4)",
        "label_name_length_limit | 0,0,9,0 | label_name_length | label_name_length_limit"
            + " exceeded (metric: m, label name: abcdefghij, length: 10, limit: 9)",
        "label_value_length_limit | 0,0,0,2 | label_value_length | label_value_length_limit"
            + " exceeded (metric: m, label name: abcdefghij, value: \"xyz\", length: 3, limit: 2)"
      })
  void shouldFailWithPrometheusMessageWhenLabelLimitIsExceeded(
      String name, String limits, String kind, String error) throws Exception {
    int[] l = java.util.Arrays.stream(limits.split(",")).mapToInt(Integer::parseInt).toArray();

    ScrapeBatch batch =
        scrape(
            servers.serve(TEXT, "m{abcdefghij=\"xyz\"} 1\n"),
            new ScrapeLimits(l[0], l[1], l[2], l[3], 0));

    assertDown(batch, error);
    assertThat(listener.events).containsExactly("limit " + kind);
    assertNextTargetScrapes();
  }

  private static String unescape(String text) {
    return text.replace("\\n", "\n");
  }

  private static byte[] concat(byte[]... parts) {
    int length = 0;
    for (byte[] part : parts) {
      length += part.length;
    }
    byte[] all = new byte[length];
    int at = 0;
    for (byte[] part : parts) {
      System.arraycopy(part, 0, all, at, part.length);
      at += part.length;
    }
    return all;
  }
}
