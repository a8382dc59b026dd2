package io.scrapestream.enrich.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.scrapestream.core.config.PodAssociation;
import io.scrapestream.core.config.PodAssociation.Identifier;
import io.scrapestream.schemas.v1.K8sObject;
import io.scrapestream.schemas.v1.Label;
import io.scrapestream.schemas.v1.Target;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PodLocatorTest {
  private static final K8sObject POD = K8sObject.newBuilder().setKind("Pod").setName("p").build();

  @Test
  void shouldTakeHostPartWhenAddressHasPortOrBrackets() {
    assertThat(PodLocator.host("10.1.2.3:9100")).isEqualTo("10.1.2.3");
    assertThat(PodLocator.host("[fd00::1]:9100")).isEqualTo("fd00::1");
    assertThat(PodLocator.host("[fd00::1]")).isEqualTo("fd00::1");
    assertThat(PodLocator.host("fd00::1")).isEqualTo("fd00::1");
    assertThat(PodLocator.host("10.1.2.3")).isEqualTo("10.1.2.3");
  }

  @Test
  void shouldTakeAuthorityWhenUrlHasUserPathAndQuery() {
    assertThat(PodLocator.authority("http://u:p@10.0.0.1:80/m?a=b")).isEqualTo("10.0.0.1:80");
    assertThat(PodLocator.authority("https://[::1]:8443")).isEqualTo("[::1]:8443");
    assertThat(PodLocator.authority("no-scheme")).isEmpty();
  }

  @Test
  void shouldTryRulesInOrderAndStopAtFirstPodWhenLooking() {
    PodLocator locator =
        new PodLocator(
            List.of(
                PodAssociation.label("pod_uid", Identifier.UID),
                PodAssociation.label("instance", Identifier.IP),
                PodAssociation.address()));
    Target target =
        Target.newBuilder()
            .addLabels(Label.newBuilder().setName("instance").setValue("10.0.0.5:80"))
            .setScrapeUrl("http://10.0.0.6:80/metrics")
            .build();
    List<String> asked = new ArrayList<>();

    Optional<K8sObject> pod =
        locator.find(
            target,
            key -> {
              asked.add(key);
              return key.equals("ip/10.0.0.6") ? Optional.of(POD) : Optional.empty();
            });

    assertThat(pod).contains(POD);
    assertThat(asked).containsExactly("ip/10.0.0.5", "ip/10.0.0.6");
  }

  @Test
  void shouldNameAttributeLikePrometheusWhenItBecomesALabel() {
    assertThat(AttributeLabels.labelName("k8s.pod.name")).isEqualTo("k8s_pod_name");
    assertThat(AttributeLabels.labelName("k8s.pod.labels.app.kubernetes.io/name"))
        .isEqualTo("k8s_pod_labels_app_kubernetes_io_name");
    assertThat(AttributeLabels.labelName("1st")).isEqualTo("key_1st");
  }
}
