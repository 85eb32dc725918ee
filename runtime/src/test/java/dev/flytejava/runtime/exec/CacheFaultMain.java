package dev.flytejava.runtime.exec;

import flyteidl.core.Literals.LiteralMap;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Child process of {@link CacheFaultTest}.
 *
 * <ul>
 *   <li>{@code share DIR ROUNDS}: what the executor does for a cached task (look up, on a miss compute and store),
 *       ROUNDS times over the same few keys, while another JVM does the same; checks every entry it reads and prints
 *       {@code computed=N hits=M}.
 *   <li>{@code put DIR I SIZE}: stores entry {@code I} with SIZE elements under key 0; prints {@code stored} or
 *       {@code failed: MESSAGE} (run under a file size limit, the write fails as on a full disk).
 * </ul>
 */
public final class CacheFaultMain {
  private CacheFaultMain() {}

  public static void main(String[] args) {
    DiskCache cache = DiskCache.open(Path.of(args[1]));
    if (args[0].equals("share")) {
      share(cache, Integer.parseInt(args[2]));
    } else {
      try {
        cache.put(CacheWriterMain.key(0), entry(Long.parseLong(args[2]), Integer.parseInt(args[3])));
        System.out.println("stored");
      } catch (UncheckedIOException e) {
        System.out.println("failed: " + e.getMessage() + ": " + e.getCause().getMessage());
      }
    }
  }

  private static void share(DiskCache cache, int rounds) {
    int computed = 0;
    int hits = 0;
    for (int round = 0; round < rounds; round++) {
      long i = round % 5;
      String key = CacheWriterMain.key(i);
      Optional<LiteralMap> got = cache.get(key);
      if (got.isPresent()) {
        hits++;
        check(got.get(), i);
      } else {
        computed++;
        cache.put(key, CacheWriterMain.entry(i));
      }
      if (round % 7 == 0) cache.put(key, CacheWriterMain.entry(i)); // both JVMs also overwrite the same entries
    }
    System.out.println("computed=" + computed + " hits=" + hits);
  }

  static void check(LiteralMap entry, long i) {
    var list = entry.getLiteralsOrThrow("o0").getCollection();
    if (list.getLiteralsCount() != 20_000
        || !list.getLiteralsList().stream().allMatch(l -> l.getScalar().getPrimitive().getInteger() == i)) {
      throw new IllegalStateException("entry " + i + " read back with other contents");
    }
  }

  static LiteralMap entry(long value, int size) {
    var c = flyteidl.core.Literals.LiteralCollection.newBuilder();
    for (int k = 0; k < size; k++) c.addLiterals(CacheWriterMain.integer(value));
    return LiteralMap.newBuilder().putLiterals("o0", flyteidl.core.Literals.Literal.newBuilder().setCollection(c).build())
        .build();
  }
}
