package io.scrapestream.ingest.scrape;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Go's {@code httpproxy} semantics of {@code no_proxy}. */
class NoProxyTest {

  @ParameterizedTest(name = "{0} vs {1}:{2} -> {3}")
  @CsvSource({
    "'example.com', example.com, 80, true",
    "'example.com', api.example.com, 80, true",
    "'example.com', notexample.com, 80, false",
    "'.example.com', example.com, 80, false",
    "'.example.com', api.example.com, 80, true",
    "'*.example.com', api.example.com, 80, true",
    "'*.example.com', example.com, 80, false",
    "'example.com:8080', example.com, 8080, true",
    "'example.com:8080', example.com, 80, false",
    "'10.0.0.0/8', 10.1.2.3, 80, true",
    "'10.0.0.0/8', 11.1.2.3, 80, false",
    "'10.1.2.3', 10.1.2.3, 9100, true",
    "'10.1.2.3:9100', 10.1.2.3, 9000, false",
    "'[::1]:9100', '[fd00::1]', 9100, false",
    "'fd00::/8', '[fd00::1]', 9100, true",
    "'*', anything.at.all, 443, true",
    "' , EXAMPLE.com ', Example.COM, 80, true",
    "'other.org', localhost, 80, true",
    "'other.org', 127.0.0.2, 80, true",
    "'other.org', '[::1]', 80, true",
    "'other.org', target.net, 80, false"
  })
  void shouldBypassProxyAsGoDoesWhenHostMatchesList(
      String list, String host, int port, boolean bypass) {
    assertThat(NoProxy.parse(list).bypasses(host, port)).isEqualTo(bypass);
  }
}
