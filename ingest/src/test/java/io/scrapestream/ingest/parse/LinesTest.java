package io.scrapestream.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class LinesTest {

  @Test
  void shouldFindTheFirstOccurrenceWhenBytesAreSearchedEightAtATime() {
    Random random = new Random(7);
    byte[] alphabet = {'\n', '\\', 'a', ' ', 0x0b, 0x09, (byte) 0x8a, (byte) 0xff, 0x00, 0x01};
    for (int round = 0; round < 20_000; round++) {
      byte[] b = new byte[random.nextInt(40)];
      for (int i = 0; i < b.length; i++) {
        b[i] = alphabet[random.nextInt(alphabet.length)];
      }
      int from = b.length == 0 ? 0 : random.nextInt(b.length);
      int to = from + random.nextInt(b.length - from + 1);

      assertThat(Lines.indexOf(b, from, to, (byte) '\\')).isEqualTo(naive(b, from, to, '\\'));
      int lf = naive(b, from, to, '\n');
      assertThat(Lines.end(b, from, to)).isEqualTo(lf < 0 ? to : lf);
    }
  }

  @Test
  void shouldAnswerTheEndWhenNoLineFeedFollows() {
    byte[] b = "# a comment without a line feed".getBytes(java.nio.charset.StandardCharsets.UTF_8);

    assertThat(Lines.end(b, 2, b.length)).isEqualTo(b.length);
    assertThat(Lines.indexOf(b, 0, b.length, (byte) '\\')).isEqualTo(-1);
  }

  private static int naive(byte[] b, int from, int to, char x) {
    for (int i = from; i < to; i++) {
      if (b[i] == x) {
        return i;
      }
    }
    return -1;
  }
}
