package dev.flytejava.testkit.admin;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * The venv's Python with flytekit 1.16.31, from the system property {@code flyte.python} (bin/test sets it; by hand
 * {@code -Dflyte.python="$(bin/python-env)"}). Without it the test fails under CI=true and is skipped elsewhere.
 */
final class FlytekitPython {
  private final Path python;

  private FlytekitPython(Path python) {
    this.python = python;
  }

  /** What a script printed and its {@code RESULT key=value} lines. */
  record Result(int exitCode, String output, Map<String, String> results) {}

  static FlytekitPython locate() {
    String value = System.getProperty("flyte.python", "").strip();
    if (value.isEmpty()) {
      String why = "no Python with flytekit: the system property [flyte.python] is not set";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        fail(why);
      }
      Assumptions.abort(why);
    }
    return new FlytekitPython(Path.of(value));
  }

  /** The venv's bin directory ({@code pyflyte-execute} and friends). */
  Path binDirectory() {
    return python.getParent();
  }

  /** Copies the test resources' flytekit scripts into {@code dir} and runs one there. */
  Result run(Path dir, Duration timeout, Map<String, String> env, String script, String... args) {
    try {
      Path source = Path.of(FlytekitPython.class.getResource("/flytekit").toURI());
      try (var files = Files.list(source)) {
        for (Path f : files.toList()) {
          Files.copy(f, dir.resolve(f.getFileName()));
        }
      }
      Path tmp = Files.createDirectories(dir.resolve("tmp"));
      List<String> command = new ArrayList<>(List.of(python.toString(), dir.resolve(script).toString()));
      command.addAll(List.of(args));
      Path log = dir.resolve("python.log");
      ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
          .redirectOutput(log.toFile());
      builder.environment().put("TMPDIR", tmp.toString());
      builder.environment().put("HOME", dir.toString());
      builder.environment().put("PYTHONDONTWRITEBYTECODE", "1");
      builder.environment().putAll(env);
      Process process = builder.start();
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly().waitFor();
        fail(script + " did not finish within " + timeout + ":\n" + Files.readString(log));
      }
      String output = Files.readString(log, StandardCharsets.UTF_8);
      Map<String, String> results = new LinkedHashMap<>();
      for (String line : output.split("\n")) {
        if (line.startsWith("RESULT ")) {
          int eq = line.indexOf('=');
          results.put(line.substring(7, eq), line.substring(eq + 1));
        }
      }
      return new Result(process.exitValue(), output, results);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
