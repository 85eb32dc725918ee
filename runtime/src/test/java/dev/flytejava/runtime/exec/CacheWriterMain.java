package dev.flytejava.runtime.exec;

import flyteidl.core.Literals.Literal;
import flyteidl.core.Literals.LiteralCollection;
import flyteidl.core.Literals.LiteralMap;
import flyteidl.core.Literals.Primitive;
import flyteidl.core.Literals.Scalar;
import java.nio.file.Path;

/**
 * Child process of {@link CacheCrashTest}: writes large cache entries in a loop until killed. Entry {@code i} holds
 * a list of 20,000 copies of {@code i}, so each write takes long enough to be killed in the middle.
 */
public final class CacheWriterMain {
  private CacheWriterMain() {}

  public static void main(String[] args) {
    DiskCache cache = DiskCache.open(Path.of(args[0]));
    for (long i = 0; ; i++) {
      cache.put(key(i), entry(i));
      if (i == 0) {
        System.out.println("started");
        System.out.flush();
      }
    }
  }

  static String key(long i) {
    return CacheKeys.of("crash", "v1", "h", LiteralMap.newBuilder().putLiterals("i", integer(i)).build());
  }

  static LiteralMap entry(long i) {
    LiteralCollection.Builder c = LiteralCollection.newBuilder();
    for (int k = 0; k < 20_000; k++) {
      c.addLiterals(integer(i));
    }
    return LiteralMap.newBuilder().putLiterals("o0", Literal.newBuilder().setCollection(c).build()).build();
  }

  static Literal integer(long v) {
    return Literal.newBuilder().setScalar(Scalar.newBuilder().setPrimitive(Primitive.newBuilder().setInteger(v)))
        .build();
  }
}
