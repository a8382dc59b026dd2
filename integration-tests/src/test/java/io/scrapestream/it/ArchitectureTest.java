package io.scrapestream.it;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The layering of DESIGN.md and STYLE.md, kept true by the build. */
class ArchitectureTest {
  private static final String[] ROLES = {
    "io.scrapestream.allocator..",
    "io.scrapestream.ingest..",
    "io.scrapestream.enrich..",
    "io.scrapestream.sink.."
  };

  private static JavaClasses classes;

  @BeforeAll
  static void importProductionClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.scrapestream");
  }

  @Test
  void shouldKeepCoreFreeOfRolesWhenRolesBuildOnIt() {
    ArchRule rule =
        noClasses()
            .that()
            .resideInAPackage("io.scrapestream.core..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(append(ROLES, "io.scrapestream.cli.."))
            .because("data flows one way: schemas -> core -> roles -> cli (DESIGN.md)");
    rule.check(classes);
  }

  @Test
  void shouldKeepEachRoleIndependentWhenRolesShareOnlyCore() {
    for (String role : ROLES) {
      ArchRule rule =
          noClasses()
              .that()
              .resideInAPackage(role)
              .should()
              .dependOnClassesThat()
              .resideInAnyPackage(others(role))
              .because("no role module imports another role module (DESIGN.md)");
      rule.check(classes);
    }
  }

  @Test
  void shouldUseFabric8OnlyInTheKubernetesAdapterWhenDiscoveringTargets() {
    ArchRule rule =
        noClasses()
            .that()
            .resideOutsideOfPackage("io.scrapestream.allocator.kubernetes..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("io.fabric8..")
            .because("only the adapter package imports its client library (STYLE.md)");
    rule.check(classes);
  }

  @Test
  void shouldUseTheMetricsLibraryOnlyInTelemetryPackagesWhenReportingSelfMetrics() {
    ArchRule rule =
        noClasses()
            .that()
            .resideOutsideOfPackages("..telemetry..", "io.scrapestream.cli..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("io.prometheus.metrics..")
            .because(
                "domain code reports through listener interfaces; client_java lives in"
                    + " *.telemetry and in the CLI that wires the registry (STYLE.md)");
    rule.check(classes);
  }

  @Test
  void shouldUseKafkaStreamsOnlyInTheEnrichRoleWhenOtherRolesUseKafka() {
    ArchRule rule =
        noClasses()
            .that()
            .resideOutsideOfPackages("io.scrapestream.enrich..", "io.scrapestream.core.kafka..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("org.apache.kafka.streams..")
            .because("Kafka Streams is the enrich role's runtime (DESIGN.md)");
    rule.check(classes);
  }

  @Test
  void shouldNameNoPackageAfterAGrabBagWhenPackagesNameCapabilities() {
    ArchRule rule =
        noClasses()
            .should()
            .resideInAnyPackage("..util..", "..utils..", "..common..", "..helpers..", "..misc..")
            .because("packages name what they do, never util or common (STYLE.md)");
    rule.check(classes);
  }

  private static String[] others(String role) {
    return Arrays.stream(ROLES).filter(other -> !other.equals(role)).toArray(String[]::new);
  }

  private static String[] append(String[] items, String item) {
    String[] all = Arrays.copyOf(items, items.length + 1);
    all[items.length] = item;
    return all;
  }
}
