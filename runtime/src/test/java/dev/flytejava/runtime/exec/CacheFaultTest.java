package dev.flytejava.runtime.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import flyteidl.core.Literals.LiteralMap;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two JVMs on one cache directory, and a cache write that runs out of space (docs/reliability.md). */
class CacheFaultTest {
  @TempDir
  Path dir;

  @Test
  void twoJvmsRunningTheSameCachedTasksAtOnceNeverReadACorruptEntry() throws Exception {
    Process a = child("share", dir.toString(), "300");
    Process b = child("share", dir.toString(), "300");
    String outA = finish(a);
    String outB = finish(b);
    System.out.println("cache sharing: A " + outA + ", B " + outB);
    assertTrue(outA.startsWith("computed=") && outB.startsWith("computed="), "A: " + outA + "\nB: " + outB);
    int computed = count(outA, "computed") + count(outB, "computed");
    int hits = count(outA, "hits") + count(outB, "hits");
    assertEquals(600, computed + hits);
    assertTrue(computed >= 5 && computed <= 10, "each of 5 entries is computed once, or twice when both miss at once: " + computed);
    DiskCache cache = DiskCache.open(dir);
    for (long i = 0; i < 5; i++) CacheFaultMain.check(cache.get(CacheWriterMain.key(i)).orElseThrow(), i);
    assertEquals(List.of(), tempFiles(), "writers left temp files");
  }

  @Test
  void aWriteThatRunsOutOfSpaceLeavesThePreviousEntryIntact() throws Exception {
    DiskCache cache = DiskCache.open(dir);
    cache.put(CacheWriterMain.key(0), CacheFaultMain.entry(1, 10));
    // a file size limit of 64 KiB on the child: its write of a ~300 KB entry fails part way, as on a full disk
    Process child = new ProcessBuilder("bash", "-c", "ulimit -f 64 && exec \"$0\" \"$@\"", java(), "-XX:-UsePerfData",
        "-cp", System.getProperty("java.class.path"), CacheFaultMain.class.getName(), "put", dir.toString(), "2", "100000")
        .redirectErrorStream(true).start();
    String out = finish(child);
    assertTrue(out.startsWith("failed: Cannot write cache entry [") && out.contains("File too large"), out);
    LiteralMap kept = cache.get(CacheWriterMain.key(0)).orElseThrow(() -> new AssertionError("the previous entry is gone"));
    assertEquals(CacheFaultMain.entry(1, 10), kept);
    assertEquals(List.of(), tempFiles(), "the failed write left its temp file");
  }

  private Process child(String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of(java(), "-cp", System.getProperty("java.class.path"),
        CacheFaultMain.class.getName()));
    command.addAll(List.of(args));
    return new ProcessBuilder(command).redirectErrorStream(true).start();
  }

  private static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private static String finish(Process p) throws Exception {
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "child timed out");
    return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
  }

  private static int count(String out, String name) {
    return Integer.parseInt(out.replaceAll("(?s).*" + name + "=(\\d+).*", "$1"));
  }

  private List<Path> tempFiles() throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(f -> f.getFileName().toString().endsWith(".tmp")).toList();
    }
  }
}
