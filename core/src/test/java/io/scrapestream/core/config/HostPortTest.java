package io.scrapestream.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class HostPortTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "localhost:9100|localhost|9100",
        "node-1.example.com:1|node-1.example.com|1",
        "my_host:65535|my_host|65535",
        "10.0.0.1:0|10.0.0.1|0",
        "255.255.255.255:80|255.255.255.255|80",
        "[::1]:9100|::1|9100",
        "[::]:80|::|80",
        "[2001:db8::8a2e:370:7334]:443|2001:db8::8a2e:370:7334|443",
        "[1:2:3:4:5:6:7:8]:1|1:2:3:4:5:6:7:8|1",
        "[::ffff:192.0.2.1]:80|::ffff:192.0.2.1|80",
        "[fe80::1%eth0]:80|fe80::1%eth0|80"
      })
  void shouldParseWhenAddressIsValid(String text, String host, int port) {
    assertThat(HostPort.parse(text)).isEqualTo(Optional.of(new HostPort(host, port)));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "localhost",
        ":9100",
        "localhost:",
        "localhost:65536",
        "localhost:-1",
        "localhost:+80",
        "localhost:9100x",
        "a b:80",
        "-host:80",
        "host-:80",
        "a..b:80",
        "example.com.:80",
        "256.0.0.1:80",
        "1.2.3:80",
        "1.2.3.4.5:80",
        "::1:9100",
        "[::1]",
        "[::1]9100",
        "[1:2:3:4:5:6:7:8:9]:80",
        "[1::2::3]:80",
        "[12345::]:80",
        "[:::]:80",
        "[1:2:3:4:5:6:7]:80",
        "[::1%]:80",
        "[localhost]:80",
        "http://localhost:80"
      })
  void shouldRejectWhenAddressIsInvalid(String text) {
    assertThat(HostPort.parse(text)).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {"localhost|80|localhost:80", "::1|9464|[::1]:9464", "0.0.0.0|0|0.0.0.0:0"})
  void shouldWriteBracketsWhenHostIsIpv6(String host, int port, String text) {
    assertThat(new HostPort(host, port)).hasToString(text);
  }
}
