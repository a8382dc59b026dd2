package io.scrapestream.ingest.scrape;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.CodedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ProtoWriterTest {
  private final ProtoWriter writer = new ProtoWriter(4);

  @Test
  void shouldWriteVarint32AsProtobufDoesWhenValuesSpanOneToFiveBytes() throws IOException {
    int[] values = {0, 1, 127, 128, 16_383, 16_384, Integer.MAX_VALUE, -1};
    ByteArrayOutputStream expected = new ByteArrayOutputStream();
    CodedOutputStream coded = CodedOutputStream.newInstance(expected);
    for (int value : values) {
      writer.varint32(value);
      coded.writeUInt32NoTag(value);
    }
    coded.flush();

    assertThat(written()).containsExactly(expected.toByteArray());
  }

  @Test
  void shouldWriteFixed64LittleEndianWhenBufferMustGrow() {
    writer.varint32(1);

    writer.fixed64(0x0102030405060708L);

    assertThat(written()).containsExactly(1, 8, 7, 6, 5, 4, 3, 2, 1);
  }

  @Test
  void shouldWritePackedVarintsAsProtobufDoesWhenAllOrSomeAreOneByte() throws IOException {
    int[] small = {0, 5, 127};
    int[] mixed = {1, 300, 127, 70_000};
    ByteArrayOutputStream expected = new ByteArrayOutputStream();
    CodedOutputStream coded = CodedOutputStream.newInstance(expected);
    for (int value : small) {
      coded.writeUInt32NoTag(value);
    }
    for (int value : mixed) {
      coded.writeUInt32NoTag(value);
    }
    coded.flush();

    writer.varints(small, small.length, 3);
    writer.varints(mixed, mixed.length, 7);

    assertThat(written()).containsExactly(expected.toByteArray());
  }

  private byte[] written() {
    return Arrays.copyOf(writer.buffer(), writer.position());
  }
}
