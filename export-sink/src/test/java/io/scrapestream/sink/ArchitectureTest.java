package io.scrapestream.sink;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Package rules of the sink that the compiler does not check. */
class ArchitectureTest {
  private static final JavaClasses SINK =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("io.scrapestream.sink");

  @Test
  void shouldKeepAwsSdkInsideSigV4PackageWhenImportingSinkClasses() {
    noClasses()
        .that()
        .resideOutsideOfPackage("io.scrapestream.sink.sigv4..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("software.amazon.awssdk..")
        .because(
            "only the SigV4 adapter talks to the AWS SDK; the rest of the sink signs through"
                + " RequestSigner")
        .check(SINK);
  }

  @Test
  void shouldKeepPrometheusClientInsideTelemetryWhenImportingSinkClasses() {
    noClasses()
        .that()
        .resideOutsideOfPackage("io.scrapestream.sink.telemetry..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("io.prometheus.metrics..")
        .because("self-metrics go through SinkListener; only telemetry knows client_java")
        .check(SINK);
  }
}
