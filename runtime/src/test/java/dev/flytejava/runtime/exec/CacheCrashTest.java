package dev.flytejava.runtime.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import flyteidl.core.Literals.Literal;
import flyteidl.core.Literals.LiteralMap;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A JVM writing cache entries is killed with SIGKILL mid-write; the cache must still read cleanly. */
class CacheCrashTest {
  @TempDir
  Path dir;

  @Test
  void killedWriterLeavesOnlyValidEntries() throws Exception {
    for (int round = 0; round < 3; round++) {
      Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-cp", System.getProperty("java.class.path"), CacheWriterMain.class.getName(), dir.toString())
          .redirectErrorStream(true).start();
      BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
      assertEquals("started", out.readLine(), "child did not start");
      Thread.sleep(150 + 100L * round);
      child.destroyForcibly(); // SIGKILL on Linux: no shutdown hooks, no finally blocks
      assertTrue(child.waitFor(10, TimeUnit.SECONDS));
    }

    DiskCache cache = DiskCache.open(dir);
    long present = 0;
    long lastPresent = -1;
    for (long i = 0; i < 100_000; i++) {
      Optional<LiteralMap> e = cache.get(CacheWriterMain.key(i));
      if (e.isPresent()) {
        present++;
        lastPresent = i;
        Literal list = e.get().getLiteralsOrThrow("o0");
        assertEquals(20_000, list.getCollection().getLiteralsCount());
        long v = i;
        assertTrue(list.getCollection().getLiteralsList().stream()
            .allMatch(l -> l.getScalar().getPrimitive().getInteger() == v), "entry " + i + " holds other values");
      } else if (i > lastPresent + 50) {
        break;
      }
    }
    assertTrue(present > 0, "the writer wrote nothing before it was killed");

    // every file named like an entry is a complete entry; leftovers are only temp files
    try (Stream<Path> files = Files.walk(dir)) {
      List<Path> all = files.filter(Files::isRegularFile).toList();
      for (Path f : all) {
        String name = f.getFileName().toString();
        assertTrue(name.endsWith(".entry") || name.endsWith(".tmp"), "unexpected file " + f);
        if (name.endsWith(".entry")) {
          assertTrue(DiskCache.decode(Files.readAllBytes(f)) != null, "corrupt entry " + f);
        }
      }
    }
  }
}
