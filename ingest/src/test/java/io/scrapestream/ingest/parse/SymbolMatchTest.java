package io.scrapestream.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * {@link Symbol#matches} at every length around its inline words (16 bytes) and its 8-byte tail
 * steps, at the start, in the middle and at the very end of a body.
 */
class SymbolMatchTest {
  private static final String TEXT = "node_filesystem_device_error_total_bytes_0123456789";

  @Test
  void shouldMatchWhenTheBodySpellsTheSymbolAtAnyLengthAndPlace() {
    for (int n = 0; n <= TEXT.length(); n++) {
      Symbol symbol = symbol(TEXT.substring(0, n));
      for (String body : bodies(TEXT.substring(0, n))) {
        int from = body.indexOf('|') + 1;
        byte[] b = body.getBytes(StandardCharsets.US_ASCII);

        assertThat(symbol.matches(b, from, from + n)).as(body).isTrue();
      }
    }
  }

  @Test
  void shouldNotMatchWhenAnyOneByteDiffers() {
    for (int n = 1; n <= TEXT.length(); n++) {
      Symbol symbol = symbol(TEXT.substring(0, n));
      for (int at = 0; at < n; at++) {
        char[] chars = TEXT.substring(0, n).toCharArray();
        chars[at] = chars[at] == 'x' ? 'y' : 'x';
        for (String body : bodies(new String(chars))) {
          int from = body.indexOf('|') + 1;
          byte[] b = body.getBytes(StandardCharsets.US_ASCII);

          assertThat(symbol.matches(b, from, from + n)).as(body + " (byte " + at + ")").isFalse();
        }
      }
    }
  }

  @Test
  void shouldNotMatchWhenTheLengthDiffers() {
    Symbol symbol = symbol(TEXT.substring(0, 20));
    byte[] b = ("|" + TEXT + " ").getBytes(StandardCharsets.US_ASCII);

    assertThat(symbol.matches(b, 1, 20)).isFalse();
    assertThat(symbol.matches(b, 1, 22)).isFalse();
  }

  /** The token after '|': at the start, before 40 more bytes, and at the end of the body. */
  private static String[] bodies(String token) {
    return new String[] {"|" + token, "|" + token + " 1 ".repeat(14), "# x\n|" + token};
  }

  private static Symbol symbol(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
    return new Symbol(bytes, text.hashCode(), text, 1);
  }
}
