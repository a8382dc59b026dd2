package io.scrapestream.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ByteCursorTest {

  private static final long HASH_HELP = ByteCursor.word("# HELP ");

  @Test
  void shouldSeeTheWordWhenItsBytesComeAtTheCursorWhereverTheArrayEnds() {
    byte[] body = "x\n# HELP ".getBytes(StandardCharsets.US_ASCII);
    byte[] padded = "x\n# HELP and more".getBytes(StandardCharsets.US_ASCII);
    ByteCursor c = new ByteCursor();

    c.reset(body, 0, body.length);
    c.pos = 2;
    assertThat(c.lookingAt(HASH_HELP, 7)).isTrue();
    c.reset(padded, 0, padded.length);
    c.pos = 2;
    assertThat(c.lookingAt(HASH_HELP, 7)).isTrue();
  }

  @Test
  void shouldNotSeeTheWordWhenItRunsPastTheEndOrOneByteDiffers() {
    byte[] body = "x\n# HELP and more".getBytes(StandardCharsets.US_ASCII);
    ByteCursor c = new ByteCursor();

    c.reset(body, 0, 8);
    c.pos = 2;
    assertThat(c.lookingAt(HASH_HELP, 7)).isFalse();
    c.reset(body, 0, body.length);
    c.pos = 2;
    for (int i = 0; i < 7; i++) {
      body[2 + i] ^= 0x20;
      assertThat(c.lookingAt(HASH_HELP, 7)).as("byte %d differs", i).isFalse();
      body[2 + i] ^= 0x20;
    }
    assertThat(c.lookingAt(HASH_HELP, 7)).isTrue();
  }

  @Test
  void shouldRefuseAWordWhenItIsLongerThanEightBytes() {
    assertThatThrownBy(() -> ByteCursor.word("# HELP x "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("at most 8 bytes fit in a word. Found: 9");
  }
}
