package io.scrapestream.allocator;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(
    packages = "io.scrapestream.allocator",
    importOptions = ImportOption.DoNotIncludeTests.class)
class AllocatorArchitectureTest {

  @ArchTest
  static final ArchRule fabric8OnlyInKubernetesPackage =
      noClasses()
          .that()
          .resideOutsideOfPackage("io.scrapestream.allocator.kubernetes..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("io.fabric8..")
          .because("the Kubernetes client is an adapter detail of allocator.kubernetes (STYLE.md)");

  @ArchTest
  static final ArchRule metricsLibraryOnlyInTelemetry =
      noClasses()
          .that()
          .resideOutsideOfPackage("io.scrapestream.allocator.telemetry..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("io.prometheus.metrics..")
          .because("self-metrics go through listener interfaces (STYLE.md)");

  @ArchTest
  static final ArchRule metadataPublisherKnowsNoKubernetesAdapter =
      noClasses()
          .that()
          .resideInAPackage("io.scrapestream.allocator.metadata..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("io.scrapestream.allocator.kubernetes..")
          .because("the publisher takes plain values; the feed in allocator.kubernetes adapts");
}
