package io.scrapestream.testsupport.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class WorkDirectoryTest {
  @Test
  void shouldDeleteEverythingUnderItWhenClosed() throws Exception {
    Path path;
    try (WorkDirectory directory = WorkDirectory.create("work-directory-test-")) {
      path = directory.path();
      Files.createDirectories(path.resolve("a/b"));
      Files.writeString(path.resolve("a/b/c.log"), "x");
      Files.writeString(path.resolve("d.log"), "y");
      assertThat(path.getFileName().toString()).startsWith("work-directory-test-");
    }

    assertThat(path).doesNotExist();
  }

  @Test
  void shouldDoNothingWhenDeletingADirectoryThatIsGone() throws Exception {
    Path gone = Files.createTempDirectory("work-directory-gone-");
    Files.delete(gone);

    WorkDirectory.delete(gone);

    assertThat(gone).doesNotExist();
  }
}
