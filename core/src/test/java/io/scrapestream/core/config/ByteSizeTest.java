package io.scrapestream.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ByteSizeTest {

  @ParameterizedTest
  @CsvSource({
    "0, 0",
    "0B, 0",
    "512B, 512",
    "1KB, 1024",
    "1KiB, 1024",
    "10MB, 10485760",
    "10MiB, 10485760",
    "1.5MB, 1572864",
    ".5KB, 512",
    "1GB512MB, 1610612736",
    "2TB, 2199023255552",
    "1PiB, 1125899906842624",
    "7EB, 8070450532247928832"
  })
  void shouldParseSizeWhenWrittenAsPrometheusDoes(String text, long bytes) {
    assertThat(ByteSize.parse(text)).contains(bytes);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"", "10", "10kB", "10 MB", "MB", "1.2.3MB", "-1MB", "10mb", "8EB", "1MB ", "."})
  void shouldRefuseSizeWhenNotAPrometheusSize(String text) {
    assertThat(ByteSize.parse(text)).isEqualTo(Optional.empty());
  }

  @ParameterizedTest
  @CsvSource({"0, 0B", "1536, 1536B", "1024, 1KiB", "10485760, 10MiB", "1073741824, 1GiB"})
  void shouldFormatInLargestUnitWhenItDividesTheSize(long bytes, String text) {
    assertThat(ByteSize.format(bytes)).isEqualTo(text);
  }
}
