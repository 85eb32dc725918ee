package dev.flytejava.runtime.packaging;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Test helper: GNU tar, the real reader, on archives the package writer wrote. */
final class Tar {
  private Tar() {}

  /** {@code tar -tvzf}: one line per entry, {@code mode owner/group size date time name}. */
  static List<String> listVerbose(Path archive) throws IOException, InterruptedException {
    return run("tar", "--numeric-owner", "--utc", "-tvzf", archive.toString());
  }

  /** {@code tar -tzf}: entry names in archive order. */
  static List<String> list(Path archive) throws IOException, InterruptedException {
    return run("tar", "-tzf", archive.toString());
  }

  /** Extracts into {@code dir}. */
  static void extract(Path archive, Path dir) throws IOException, InterruptedException {
    run("tar", "-xzf", archive.toString(), "-C", dir.toString());
  }

  private static List<String> run(String... command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
      p.destroyForcibly();
      throw new IOException(String.join(" ", command) + " failed: " + out);
    }
    return new ArrayList<>(out.lines().toList());
  }

  static Path write(Path dir, String name, byte[] bytes) throws IOException {
    Path f = dir.resolve(name);
    Files.write(f, bytes);
    return f;
  }
}
