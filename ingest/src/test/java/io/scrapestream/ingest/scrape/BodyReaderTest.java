package io.scrapestream.ingest.scrape;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.OptionalLong;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class BodyReaderTest {
  private static final BodyReader.Bounds NO_LIMIT = new BodyReader.Bounds(Duration.ofSeconds(1), 0);

  private final BodyBuffer buffer = new BodyBuffer();

  @Test
  void shouldReuseArrayWhenNextBodyFits() throws Exception {
    read(bytes(50_000, (byte) 'a'), OptionalLong.of(50_000));
    byte[] array = buffer.bytes();

    read("b 1\n".getBytes(StandardCharsets.UTF_8), OptionalLong.of(4));

    assertThat(buffer.bytes()).isSameAs(array);
    assertThat(text()).isEqualTo("b 1\n");
  }

  @Test
  void shouldGrowBufferOnceWhenContentLengthExceedsIt() throws Exception {
    byte[] body = bytes(300_000, (byte) 'c');

    read(body, OptionalLong.of(body.length));

    assertThat(buffer.bytes()).hasSize(300_000);
    assertThat(Arrays.copyOf(buffer.bytes(), buffer.length())).isEqualTo(body);
  }

  @Test
  void shouldGrowBufferWhenLengthIsUnknown() throws Exception {
    byte[] body = bytes(300_000, (byte) 'd');

    read(body, OptionalLong.empty());

    assertThat(buffer.length()).isEqualTo(300_000);
    assertThat(Arrays.copyOf(buffer.bytes(), buffer.length())).isEqualTo(body);
  }

  @Test
  void shouldGunzipIntoBufferWhenBodyIsGzipped() throws Exception {
    ByteArrayOutputStream zipped = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(zipped)) {
      out.write("e 2\n".getBytes(StandardCharsets.UTF_8));
    }

    BodyReader.read(
        new ByteArrayInputStream(zipped.toByteArray()),
        true,
        OptionalLong.of(zipped.size()),
        NO_LIMIT,
        buffer);

    assertThat(text()).isEqualTo("e 2\n");
  }

  @Test
  void shouldFailWhenBodyReachesTheLimit() {
    BodyReader.Bounds bounds = new BodyReader.Bounds(Duration.ofSeconds(1), 1024);

    assertThatThrownBy(
            () ->
                BodyReader.read(
                    new ByteArrayInputStream(bytes(1024, (byte) 'f')),
                    false,
                    OptionalLong.empty(),
                    bounds,
                    buffer))
        .isInstanceOf(ScrapeException.class)
        .hasMessage("body size limit exceeded (body_size_limit 1KiB)");
  }

  private void read(byte[] body, OptionalLong length) throws ScrapeException {
    BodyReader.read(new ByteArrayInputStream(body), false, length, NO_LIMIT, buffer);
  }

  private String text() {
    return new String(buffer.bytes(), 0, buffer.length(), StandardCharsets.UTF_8);
  }

  private static byte[] bytes(int n, byte value) {
    byte[] bytes = new byte[n];
    Arrays.fill(bytes, value);
    return bytes;
  }
}
