package io.scrapestream.helm;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Volume;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every container, in every set of values: resources, probes, security context, pinned image. */
class ChartPodSecurityTest {
  private static final String DIGEST_PIN = ".+@sha256:[a-f0-9]{64}";

  static Stream<String> valueSets() {
    return Stream.of("defaults", "amp-irsa", "prometheus-otlp", "elasticsearch");
  }

  static List<HasMetadata> render(String values) {
    return values.equals("defaults") ? Chart.defaults() : Chart.example(values);
  }

  @ParameterizedTest
  @MethodSource("valueSets")
  void shouldHardenEveryPodWhenRendered(String values) {
    Map<String, PodSpec> pods = Workloads.podSpecs(render(values));

    assertThat(pods).isNotEmpty();
    pods.forEach(
        (name, pod) -> {
          assertThat(pod.getSecurityContext().getRunAsNonRoot()).as(name).isTrue();
          assertThat(pod.getSecurityContext().getRunAsUser()).as(name).isEqualTo(10001L);
          assertThat(pod.getSecurityContext().getSeccompProfile().getType())
              .as(name)
              .isEqualTo("RuntimeDefault");
          assertThat(pod.getVolumes().stream().filter(v -> v.getName().equals("tmp")))
              .as(name)
              .singleElement()
              .extracting(Volume::getEmptyDir)
              .isNotNull();
          pod.getContainers().forEach(c -> assertHardened(name, c));
        });
  }

  @ParameterizedTest
  @MethodSource("valueSets")
  void shouldGiveEveryContainerResourcesAndAPinnedImageWhenRendered(String values) {
    Workloads.podSpecs(render(values))
        .forEach(
            (name, pod) ->
                pod.getContainers()
                    .forEach(
                        c -> {
                          assertThat(c.getImage()).as(name).matches(DIGEST_PIN);
                          assertThat(c.getResources().getRequests())
                              .as(name)
                              .containsKeys("cpu", "memory");
                          assertThat(c.getResources().getLimits())
                              .as(name)
                              .containsOnlyKeys("memory")
                              .containsEntry(
                                  "memory", c.getResources().getRequests().get("memory"));
                        }));
  }

  @ParameterizedTest
  @MethodSource("valueSets")
  void shouldProbeHealthAndReadinessOnTheTelemetryPortWhenWorkloadRunsLong(String values) {
    Map<String, PodSpec> pods = Workloads.longRunning(render(values));

    assertThat(pods).hasSizeGreaterThanOrEqualTo(4);
    pods.forEach(
        (name, pod) ->
            pod.getContainers()
                .forEach(
                    c -> {
                      assertProbe(name, c.getLivenessProbe(), "/healthz");
                      assertProbe(name, c.getReadinessProbe(), "/readyz");
                      assertThat(c.getPorts())
                          .as(name)
                          .anySatisfy(
                              p -> {
                                assertThat(p.getName()).isEqualTo("telemetry");
                                assertThat(p.getContainerPort()).isEqualTo(9464);
                              });
                    }));
  }

  private static void assertProbe(String name, Probe probe, String path) {
    assertThat(probe).as(name + " " + path).isNotNull();
    assertThat(probe.getHttpGet().getPath()).as(name).isEqualTo(path);
    assertThat(probe.getHttpGet().getPort().getStrVal()).as(name).isEqualTo("telemetry");
  }

  private static void assertHardened(String name, Container c) {
    SecurityContext sc = c.getSecurityContext();
    assertThat(sc).as(name).isNotNull();
    assertThat(sc.getRunAsNonRoot()).as(name).isTrue();
    assertThat(sc.getReadOnlyRootFilesystem()).as(name).isTrue();
    assertThat(sc.getAllowPrivilegeEscalation()).as(name).isFalse();
    assertThat(sc.getPrivileged()).as(name).isFalse();
    assertThat(sc.getCapabilities().getDrop()).as(name).containsExactly("ALL");
    assertThat(sc.getCapabilities().getAdd()).as(name).isEmpty();
    assertThat(sc.getSeccompProfile().getType()).as(name).isEqualTo("RuntimeDefault");
    assertThat(c.getVolumeMounts())
        .as(name)
        .anySatisfy(
            m -> {
              assertThat(m.getName()).isEqualTo("tmp");
              assertThat(m.getMountPath()).isEqualTo("/tmp");
            });
    assertThat(c.getResources().getRequests().get("memory"))
        .as(name)
        .isNotEqualTo(new Quantity("0"));
  }
}
