package dev.flytejava.runtime.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flytejava.runtime.api.WorkflowBuilder;
import dev.flytejava.runtime.examples.ExampleTasks;
import dev.flytejava.runtime.model.Binding;
import dev.flytejava.runtime.model.Task;
import dev.flytejava.runtime.model.Workflow;
import dev.flytejava.runtime.types.TypeEngine;
import flyteidl.core.Literals.Literal;
import flyteidl.core.Literals.LiteralMap;
import flyteidl.core.Literals.Primitive;
import flyteidl.core.Literals.Scalar;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiskCacheTest {
  private final TypeEngine engine = TypeEngine.createDefault(getClass().getClassLoader());

  @TempDir
  Path dir;

  private static LiteralMap outputs(long v) {
    return LiteralMap.newBuilder().putLiterals("o0", Literal.newBuilder().setScalar(Scalar.newBuilder()
        .setPrimitive(Primitive.newBuilder().setInteger(v))).build()).build();
  }

  @Test
  void cachedTaskIsNotRerunForTheSameInputs() {
    AtomicInteger calls = new AtomicInteger();
    Task square = ExampleTasks.countingSquare("v1", "hash-a", calls);
    try (LocalExecutor ex = LocalExecutor.builder(engine).cache(DiskCache.open(dir)).build()) {
      assertEquals(49L, ex.call(square, 7L));
      assertEquals(49L, ex.call(square, 7L));
      assertEquals(1, calls.get());
      assertEquals(64L, ex.call(square, 8L));
      assertEquals(2, calls.get());
    }
    // a new executor (a new session) over the same directory still hits
    try (LocalExecutor ex = LocalExecutor.builder(engine).cache(DiskCache.open(dir)).build()) {
      assertEquals(49L, ex.call(square, 7L));
      assertEquals(2, calls.get());
    }
  }

  @Test
  void changedCodeHashOrCacheVersionReruns() {
    AtomicInteger calls = new AtomicInteger();
    try (LocalExecutor ex = LocalExecutor.builder(engine).cache(DiskCache.open(dir)).build()) {
      ex.call(ExampleTasks.countingSquare("v1", "hash-a", calls), 3L);
      ex.call(ExampleTasks.countingSquare("v1", "hash-a", calls), 3L);
      assertEquals(1, calls.get());
      ex.call(ExampleTasks.countingSquare("v1", "hash-b", calls), 3L);
      assertEquals(2, calls.get());
      ex.call(ExampleTasks.countingSquare("v2", "hash-b", calls), 3L);
      assertEquals(3, calls.get());
      ex.call(ExampleTasks.countingSquare("v2", "hash-b", calls), 3L);
      assertEquals(3, calls.get());
    }
  }

  @Test
  void cacheHitIsReportedInWorkflowRecord() {
    AtomicInteger calls = new AtomicInteger();
    WorkflowBuilder b = WorkflowBuilder.create("cachedWf", engine);
    b.input("x", long.class);
    b.output("o0", b.node("sq", ExampleTasks.countingSquare("v1", "h", calls), Map.of("x", Binding.input("x")))
        .output());
    Workflow w = b.build();
    try (LocalExecutor ex = LocalExecutor.builder(engine).cache(DiskCache.open(dir)).build()) {
      assertFalse(ex.execute(w, Map.of("x", 5L)).nodes().get(0).cacheHit());
      ExecutionResult second = ex.execute(w, Map.of("x", 5L));
      assertTrue(second.nodes().get(0).cacheHit());
      assertEquals(NodeState.CACHED, second.nodes().get(0).state());
      assertEquals(25L, second.output());
    }
    assertEquals(1, calls.get());
  }

  @Test
  void uncachedTaskAlwaysRuns() {
    AtomicInteger calls = new AtomicInteger();
    Task plain = Task.builder("plain").input("x", long.class).returns(long.class).body(in -> {
      calls.incrementAndGet();
      return in[0];
    }).build();
    try (LocalExecutor ex = LocalExecutor.builder(engine).cache(DiskCache.open(dir)).build()) {
      ex.call(plain, 1L);
      ex.call(plain, 1L);
    }
    assertEquals(2, calls.get());
  }

  @Test
  void keyIsDeterministicAndSensitiveToEveryPart() {
    LiteralMap in1 = LiteralMap.newBuilder().putLiterals("a", outputs(1).getLiteralsOrThrow("o0"))
        .putLiterals("b", outputs(2).getLiteralsOrThrow("o0")).build();
    LiteralMap in2 = LiteralMap.newBuilder().putLiterals("b", outputs(2).getLiteralsOrThrow("o0"))
        .putLiterals("a", outputs(1).getLiteralsOrThrow("o0")).build();
    String k = CacheKeys.of("t", "v1", "h", in1);
    assertEquals(k, CacheKeys.of("t", "v1", "h", in2));
    assertNotEquals(k, CacheKeys.of("t2", "v1", "h", in1));
    assertNotEquals(k, CacheKeys.of("t", "v2", "h", in1));
    assertNotEquals(k, CacheKeys.of("t", "v1", "h2", in1));
    assertNotEquals(k, CacheKeys.of("t", "v1", "h", LiteralMap.getDefaultInstance()));
  }

  @Test
  void openingDeletesOldStrayTempFilesOnly() throws Exception {
    DiskCache first = DiskCache.open(dir);
    String key = CacheKeys.of("t", "v", "h", LiteralMap.getDefaultInstance());
    first.put(key, outputs(7));
    Path shard = first.entryFile(key).getParent();
    Path old = Files.writeString(shard.resolve("." + key + ".killed-writer.tmp"), "half an entry");
    Files.setLastModifiedTime(old, FileTime.from(Instant.now().minus(DiskCache.STRAY_TEMP_AGE).minusSeconds(60)));
    Path live = Files.writeString(shard.resolve("." + key + ".live-writer.tmp"), "being written");

    DiskCache reopened = DiskCache.open(dir);
    assertFalse(Files.exists(old), "a temp file older than STRAY_TEMP_AGE is a stray");
    assertTrue(Files.exists(live), "a fresh temp file may belong to a writer in another process");
    assertEquals(Optional.of(outputs(7)), reopened.get(key));
  }

  @Test
  void corruptOrTruncatedEntriesAreMissesAndRemoved() throws Exception {
    DiskCache cache = DiskCache.open(dir);
    String key = CacheKeys.of("t", "v", "h", LiteralMap.getDefaultInstance());
    cache.put(key, outputs(42));
    assertEquals(outputs(42), cache.get(key).orElseThrow());
    Path file = cache.entryFile(key);
    byte[] good = Files.readAllBytes(file);

    for (int cut : List.of(0, 3, 8, good.length / 2, good.length - 1)) {
      Files.write(file, Arrays.copyOf(good, cut));
      assertTrue(cache.get(key).isEmpty(), "truncated at " + cut);
      assertFalse(Files.exists(file), "removed after truncation at " + cut);
    }
    byte[] flipped = good.clone();
    flipped[10] ^= 0x40;
    Files.write(file, flipped);
    assertTrue(cache.get(key).isEmpty());
    assertFalse(Files.exists(file));

    cache.put(key, outputs(43));
    assertEquals(outputs(43), cache.get(key).orElseThrow());
  }

  @Test
  void noTempFilesRemainAfterPut() throws Exception {
    DiskCache cache = DiskCache.open(dir);
    String key = CacheKeys.of("t", "v", "h", LiteralMap.getDefaultInstance());
    cache.put(key, outputs(1));
    cache.put(key, outputs(2));
    try (var files = Files.walk(dir)) {
      assertEquals(List.of(cache.entryFile(key)), files.filter(Files::isRegularFile).toList());
    }
  }
}
