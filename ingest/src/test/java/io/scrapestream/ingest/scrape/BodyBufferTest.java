package io.scrapestream.ingest.scrape;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BodyBufferTest {
  private final BodyBuffer buffer = new BodyBuffer();

  @Test
  void shouldDoubleCapacityWhenReserveNeedsLessThanTwice() {
    buffer.added(BodyBuffer.INITIAL_CAPACITY);

    buffer.reserve(1);

    assertThat(buffer.bytes()).hasSize(2 * BodyBuffer.INITIAL_CAPACITY);
    assertThat(buffer.length()).isEqualTo(BodyBuffer.INITIAL_CAPACITY);
    assertThat(buffer.room()).isEqualTo(BodyBuffer.INITIAL_CAPACITY);
  }

  @Test
  void shouldGrowToExactNeedWhenReserveNeedsMoreThanTwice() {
    buffer.reserve(1_000_000);

    assertThat(buffer.bytes()).hasSize(1_000_000);
  }

  @Test
  void shouldKeepBytesWhenGrowing() {
    buffer.bytes()[0] = 42;
    buffer.added(1);

    buffer.reserve(BodyBuffer.INITIAL_CAPACITY);

    assertThat(buffer.bytes()[0]).isEqualTo((byte) 42);
    assertThat(buffer.length()).isEqualTo(1);
  }

  @Test
  void shouldKeepArrayWhenClearedAtRetainedCapacity() {
    buffer.reserve(BodyBuffer.RETAINED_CAPACITY);
    byte[] array = buffer.bytes();
    buffer.added(BodyBuffer.RETAINED_CAPACITY);

    buffer.clear();

    assertThat(buffer.bytes()).isSameAs(array);
    assertThat(buffer.length()).isZero();
  }

  @Test
  void shouldGiveBackArrayWhenClearedOverRetainedCapacity() {
    buffer.reserve(BodyBuffer.RETAINED_CAPACITY + 1);

    buffer.clear();

    assertThat(buffer.bytes()).hasSize(BodyBuffer.INITIAL_CAPACITY);
  }

  @Test
  void shouldRejectAddedBytesWhenTheyExceedTheRoom() {
    assertThatThrownBy(() -> buffer.added(BodyBuffer.INITIAL_CAPACITY + 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("added bytes must be within the room of 65536. Found: 65537");
  }

  @Test
  void shouldRejectReserveWhenBodyWouldExceedMaxLength() {
    buffer.added(10);

    assertThatThrownBy(() -> buffer.reserve(BodyBuffer.MAX_LENGTH))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "a body buffer holds at most 2147483631 bytes. Found: 10 held and 2147483631 more");
  }
}
