package io.scrapestream.sink.benchmark;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A {@link SinkBenchChild} JVM started with the sink role's JVM options of the launcher ({@code
 * role_java_opts sink} in bin/java-opts.sh), or {@code -Dbench.javaOpts=...} instead (set, even
 * empty, it replaces them, as {@code SCRAPESTREAM_JAVA_OPTS} does for the launcher). Its output
 * other than the answers goes to this JVM's.
 */
final class SinkChildProcess implements AutoCloseable {
  private static final String EXITED = "EXITED";

  private final Process process;
  private final PrintWriter commands;
  private final BlockingQueue<String> answers = new LinkedBlockingQueue<>();

  private SinkChildProcess(Process process) {
    this.process = process;
    this.commands = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
    Thread reader = new Thread(this::readOutput, "sink-child-output");
    reader.setDaemon(true);
    reader.start();
  }

  /**
   * Reads the child's output all along (a full pipe would stop it): its answers go to {@link
   * #answers}, other lines (e.g. {@code -XX:+PrintCompilation}) to this JVM's output.
   */
  private void readOutput() {
    try (BufferedReader out =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        if (line.contains(SinkBenchChild.STARTED)) {
          answers.add(SinkBenchChild.STARTED);
        } else if (line.contains(SinkBenchChild.STOPPED)) {
          answers.add(SinkBenchChild.STOPPED);
        } else {
          System.out.println("child: " + line);
        }
      }
    } catch (IOException e) {
      System.out.println("child output ended: " + e);
    }
    answers.add(EXITED);
  }

  /** Starts the child with {@code args} for {@link SinkBenchChild#main}. */
  static SinkChildProcess start(List<String> args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(javaOptions());
    command.addAll(List.of("-cp", System.getProperty("java.class.path")));
    command.add(SinkBenchChild.class.getName());
    command.addAll(args);
    return new SinkChildProcess(
        new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start());
  }

  /** The JVM options the child runs with. */
  static List<String> javaOptions() throws IOException, InterruptedException {
    String opts = System.getProperty("bench.javaOpts");
    if (opts == null) {
      opts = launcherSinkOptions();
    }
    return opts.isBlank() ? List.of() : Arrays.asList(opts.trim().split("\\s+"));
  }

  private static String launcherSinkOptions() throws IOException, InterruptedException {
    Path script =
        Files.exists(Path.of("bin/java-opts.sh"))
            ? Path.of("bin/java-opts.sh")
            : Path.of("../bin/java-opts.sh");
    Process shell =
        new ProcessBuilder(
                "bash", "-c", ". \"$1\" && role_java_opts sink", "opts", script.toString())
            .redirectErrorStream(true)
            .start();
    String out = new String(shell.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    if (shell.waitFor() != 0) {
      throw new IOException(
          "role_java_opts sink of " + script.toAbsolutePath() + " failed: " + out);
    }
    return out;
  }

  long pid() {
    return process.pid();
  }

  /** Starts the sink with a backend named {@code backend}: a fresh consumer group. */
  void run(String backend) throws IOException {
    send("RUN " + backend, SinkBenchChild.STARTED);
  }

  /** Closes the running sink. */
  void stop() throws IOException {
    send("STOP", SinkBenchChild.STOPPED);
  }

  private void send(String command, String expected) throws IOException {
    commands.println(command);
    String answer;
    try {
      answer = answers.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while waiting for the sink child's " + expected, e);
    }
    if (!answer.equals(expected)) {
      throw new IOException(
          "the sink child exited after \"" + command + "\" (exit " + exit() + ")");
    }
  }

  private String exit() {
    try {
      return String.valueOf(process.waitFor());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "unknown";
    }
  }

  @Override
  public void close() throws InterruptedException {
    commands.close();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
  }
}
