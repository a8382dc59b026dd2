package io.scrapestream.testsupport.kafka;

import io.scrapestream.broker.BrokerSettings;
import io.scrapestream.broker.EmbeddedKafkaBroker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A real Kafka broker for tests: {@code @ExtendWith(KafkaFixture.class)} and take a {@link
 * KafkaFixture.Broker} parameter.
 *
 * <p>One embedded KRaft broker is started per test JVM and shared; tests isolate themselves with
 * {@link Broker#uniqueName(String)} for topics, prefixes and group ids. Where a Docker engine
 * exists a Testcontainers broker could take its place behind the same {@link Broker} interface; our
 * machines have none, so the embedded broker is the one used.
 */
public final class KafkaFixture implements ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(KafkaFixture.class);
  private static final AtomicInteger COUNTER = new AtomicInteger();

  /** What a test sees of the broker. */
  public interface Broker {
    String bootstrapServers();

    /** A name no other test in this JVM gets: {@code prefix-<n>-}. */
    default String uniqueName(String prefix) {
      return prefix + "-" + COUNTER.incrementAndGet() + "-";
    }

    /** Properties every client of this broker needs. */
    default Map<String, Object> clientProperties() {
      return Map.of("bootstrap.servers", bootstrapServers());
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == Broker.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return context
        .getRoot()
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent("broker", key -> new SharedBroker(), SharedBroker.class);
  }

  /** Closed by JUnit when the root context closes, at the end of the test run. */
  private static final class SharedBroker implements Broker, AutoCloseable {
    private final EmbeddedKafkaBroker broker;

    SharedBroker() {
      try {
        Path dir = Files.createTempDirectory("scrapestream-kafka-");
        broker = EmbeddedKafkaBroker.start(BrokerSettings.inDirectory(dir));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public String bootstrapServers() {
      return broker.bootstrapServers();
    }

    @Override
    public void close() {
      broker.close();
    }
  }
}
