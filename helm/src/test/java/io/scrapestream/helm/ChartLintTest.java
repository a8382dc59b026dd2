package io.scrapestream.helm;

import static org.assertj.core.api.Assertions.assertThat;

import com.marcnuri.helm.LintResult;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ChartLintTest {
  @TempDir Path work;

  @Test
  void shouldLintCleanWhenValuesAreTheDefaults() throws Exception {
    LintResult result = Chart.lint(null, work);

    assertThat(result.getMessages()).containsExactly("[INFO] Chart.yaml: icon is recommended");
    assertThat(result.isFailed()).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"amp-irsa", "prometheus-otlp", "elasticsearch"})
  void shouldLintCleanWhenValuesAreAnExample(String example) throws Exception {
    LintResult result = Chart.lint(Chart.DIR.resolve("examples/" + example + ".yaml"), work);

    assertThat(result.getMessages()).containsExactly("[INFO] Chart.yaml: icon is recommended");
    assertThat(result.isFailed()).isFalse();
  }
}
