package io.scrapestream.testsupport.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HeapLinesTest {
  @TempDir Path dir;

  @Test
  void shouldReadHighestHeapLineWhenChildPrintedSeveral() throws IOException {
    Path output =
        Files.writeString(dir.resolve("child.log"), "HEAP 12\nRUNNING\nHEAP 40\nHEAP 31\n");

    assertThat(HeapLines.peakMib(output)).isEqualTo(40);
  }

  @Test
  void shouldFailWithFileNameWhenOutputHasNoHeapLine() throws IOException {
    Path output = Files.writeString(dir.resolve("child.log"), "RUNNING\n");

    assertThatThrownBy(() -> HeapLines.peakMib(output))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("no HEAP line in " + output);
  }
}
