package io.scrapestream.ingest.scrape;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Expected values are what Go 1.21's {@code strconv.Quote} returns. */
class GoQuoteTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '\'',
      value = {
        "plain | \"plain\"",
        "a\"b\\c | \"a\\\"b\\\\c\"",
        "tab\there | \"tab\\there\"",
        "caf\u00e9 | \"caf\u00e9\"",
        "nbsp\u00a0 | \"nbsp\\u00a0\"",
        "be\u0007ll | \"be\\all\"",
        "del\u007f | \"del\\x7f\"",
        "es\u001bc | \"es\\x1bc\"",
        "zw\u200b | \"zw\\u200b\"",
        "emoji\ud83d\ude00 | \"emoji\ud83d\ude00\""
      })
  void shouldQuoteLikeGoWhenTextHasSpecialCharacters(String text, String quoted) {
    assertThat(GoQuote.quote(text)).isEqualTo(quoted);
  }
}
