package io.scrapestream.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.scrapestream.testsupport.kafka.KafkaFixture;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The image's entrypoint script (deploy/scrapestream) run against the built jar
 * (cli/target/scrapestream.jar): it answers --version, and each container of the rendered chart
 * (the topics Job, then every role) runs with its rendered args and config against a real broker.
 */
@ExtendWith(KafkaFixture.class)
@Timeout(600)
class EntrypointIT {
  private static final String ENRICH_STATE = "/var/lib/scrapestream/enrich";
  static final Path SCRIPT = DockerfileTest.DEPLOY.resolve("scrapestream");
  static final Path JAR =
      Path.of("..", "cli", "target", "scrapestream.jar").toAbsolutePath().normalize();
  static final String CONFIG = "/etc/scrapestream/config.yaml";

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  /** A started process and the file its output goes to. */
  record Run(Process process, Path output) {
    String text() throws IOException {
      return Files.readString(output, StandardCharsets.UTF_8);
    }
  }

  @TempDir Path dir;

  @BeforeAll
  static void requireJar() {
    assertThat(JAR).as("build the jar first: mvn -pl cli package -DskipTests").isRegularFile();
  }

  @Test
  void shouldAnswerVersionWhenRunAgainstTheBuiltJar() throws Exception {
    Run run = start(List.of("--version"), Map.of());
    Process process = run.process();

    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(run.text())
        .isEqualTo(
            "scrapestream 0.1.0-SNAPSHOT\nJava " + System.getProperty("java.version") + "\n");
    assertThat(process.exitValue()).isZero();
  }

  @Test
  void shouldRunTheTopicsJobThenEveryRoleWithTheRenderedConfig(KafkaFixture.Broker broker)
      throws Exception {
    String prefix = broker.uniqueName("chart").replace("-", ".");
    int telemetry = freePort();
    List<HasMetadata> resources = renderFor(broker, prefix, telemetry);
    Path config = dir.resolve("config.yaml");
    Files.writeString(config, RenderedConfigTest.configText(resources, "ss-scrapestream-config"));

    Map<String, Container> containers = containers(resources);
    Container topics = containers.remove("Job/ss-scrapestream-topics");
    runTopicsJob(topics, config, prefix);

    assertThat(containers.keySet())
        .containsExactly(
            "Deployment/ss-scrapestream-allocator",
            "Deployment/ss-scrapestream-enrich",
            "Deployment/ss-scrapestream-sink-prometheus",
            "StatefulSet/ss-scrapestream-scraper");
    for (Map.Entry<String, Container> role : containers.entrySet()) {
      String pod = role.getKey().substring(role.getKey().indexOf('/') + 1) + "-0";
      runUntilReadyThenStop(role.getValue(), config, pod, telemetry);
    }
  }

  /** Runs the hook Job's container; it creates every topic and exits 0. */
  private void runTopicsJob(Container topics, Path config, String prefix) throws Exception {
    Run job = start(args(topics, config), env(topics, "ss-scrapestream-topics-abcde"));
    assertThat(job.process().waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(job.text())
        .isEqualTo(
            "created %1$ssamples.raw\ncreated %1$ssamples.enriched\ncreated %1$sk8s.metadata\n"
                    .formatted(prefix)
                + "created %1$sdlq.enrich\ncreated %1$sdlq.prometheus\n".formatted(prefix));
    assertThat(job.process().exitValue()).isZero();
  }

  /** The chart against the test broker, with free ports and topic names of this test only. */
  private static List<HasMetadata> renderFor(KafkaFixture.Broker broker, String prefix, int port)
      throws IOException {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("kafka.bootstrapServers", broker.bootstrapServers());
    values.put("kafka.topicPrefix", prefix);
    values.put("enrich.applicationId", broker.uniqueName("enrich") + "app");
    values.put("telemetry.port", port);
    values.put("allocator.port", freePort());
    values.put("topics.replicationFactor", 1);
    values.put("topics.partitions", 2);
    return Chart.manifests(Chart.template(null, values));
  }

  private void runUntilReadyThenStop(Container container, Path config, String pod, int port)
      throws Exception {
    Run run = start(args(container, config), env(container, pod));
    Process process = run.process();
    try {
      await()
          .atMost(Duration.ofSeconds(120))
          .pollInterval(Duration.ofMillis(500))
          .untilAsserted(
              () -> {
                assertThat(process.isAlive())
                    .as(pod + " exited: " + run.text() + log(pod))
                    .isTrue();
                assertThat(status(port, "/healthz")).isEqualTo(200);
                assertThat(status(port, "/readyz")).isEqualTo(200);
              });
    } finally {
      process.destroy();
    }
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as(pod + " stops on SIGTERM").isTrue();
    assertThat(process.exitValue()).as(pod).isEqualTo(143);
  }

  private Run start(List<String> args, Map<String, String> env) throws IOException {
    List<String> command = new ArrayList<>(List.of(SCRIPT.toString()));
    command.addAll(args);
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().putAll(env);
    builder.environment().put("SCRAPESTREAM_JAR", JAR.toString());
    builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
    Path output = dir.resolve("out-" + System.nanoTime() + ".txt");
    builder.redirectOutput(output.toFile());
    return new Run(builder.start(), output);
  }

  /**
   * The container's args, with the mounted config replaced by the rendered file and the enrich
   * state volume by a directory beside it.
   */
  private static List<String> args(Container container, Path config) {
    Path state = config.resolveSibling("enrich-state");
    return container.getArgs().stream()
        .map(a -> a.equals(CONFIG) ? config.toString() : a)
        .map(a -> a.equals(ENRICH_STATE) ? state.toString() : a)
        .toList();
  }

  /** The container's plain env, the downward API's pod name, JVM options and a log file. */
  private Map<String, String> env(Container container, String pod) {
    Map<String, String> env = new LinkedHashMap<>();
    container.getEnv().stream()
        .filter(e -> e.getValue() != null)
        .forEach(e -> env.put(e.getName(), e.getValue()));
    env.put("SCRAPESTREAM_SCRAPER_ID", pod);
    env.put("SCRAPESTREAM_LOG_FILE", dir.resolve(pod + ".log").toString());
    env.put("JAVA_OPTS", "-Xmx256m -XX:TieredStopAtLevel=1");
    return env;
  }

  private static Map<String, Container> containers(List<HasMetadata> resources) {
    Map<String, Container> containers = new java.util.TreeMap<>();
    Workloads.podSpecs(resources)
        .forEach((name, pod) -> containers.put(name, pod.getContainers().get(0)));
    return containers;
  }

  private String log(String pod) {
    try {
      return Files.readString(dir.resolve(pod + ".log"));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  private static int status(int port, String path) {
    try {
      return HTTP.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
              HttpResponse.BodyHandlers.discarding())
          .statusCode();
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
