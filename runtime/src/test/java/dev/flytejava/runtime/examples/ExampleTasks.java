package dev.flytejava.runtime.examples;

import dev.flytejava.runtime.model.Outputs;
import dev.flytejava.runtime.model.Task;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** Small tasks the executor tests wire into workflows (as flytekit-local-engine's SumTask and friends). */
public final class ExampleTasks {
  private ExampleTasks() {}

  /** Named outputs of {@link #stats()}. */
  @Outputs
  public record Stats(long count, double mean) {}

  public static Task addOne() {
    return Task.builder("addOne").input("x", long.class).returns(long.class)
        .body(in -> (long) in[0] + 1).build();
  }

  public static Task sum() {
    return Task.builder("sum").input("a", long.class).input("b", long.class).returns(long.class)
        .body(in -> (long) in[0] + (long) in[1]).build();
  }

  public static Task scale() {
    return Task.builder("scale").input("x", long.class).input("factor", long.class).returns(long.class)
        .body(in -> (long) in[0] * (long) in[1]).build();
  }

  public static Task echo() {
    return Task.builder("echo").input("x", long.class).returns(long.class).body(in -> in[0]).build();
  }

  public static Task length() {
    return Task.builder("length").input("s", String.class).returns(long.class)
        .body(in -> (long) ((String) in[0]).length()).build();
  }

  /** Sleeps {@code millis} then returns {@code x}. */
  public static Task sleepy(String name, long millis) {
    return Task.builder(name).input("x", long.class).returns(long.class).body(in -> {
      Thread.sleep(millis);
      return in[0];
    }).build();
  }

  /** Fails the first {@code failures} calls (counted in {@code calls}), then returns x * 10. */
  public static Task flaky(int failures, int retries, AtomicInteger calls) {
    return Task.builder("flaky").input("x", long.class).returns(long.class).retries(retries).body(in -> {
      int n = calls.incrementAndGet();
      if (n <= failures) {
        throw new IllegalStateException("flaky failure " + n);
      }
      return (long) in[0] * 10;
    }).build();
  }

  public static Task failing(String name, String message) {
    return Task.builder(name).input("x", long.class).returns(long.class).body(in -> {
      throw new IllegalArgumentException(message);
    }).build();
  }

  /** Counts its runs in {@code calls}; cached under {@code version} with the given code hash. */
  public static Task countingSquare(String version, String codeHash, AtomicInteger calls) {
    return Task.builder("square").input("x", long.class).returns(long.class).cache(version).codeHash(codeHash)
        .body(in -> {
          calls.incrementAndGet();
          return (long) in[0] * (long) in[0];
        }).build();
  }

  /** Fails on odd numbers: a map over it succeeds only partly. */
  public static Task evenOnly() {
    return Task.builder("evenOnly").input("x", long.class).returns(long.class).body(in -> {
      long x = (long) in[0];
      if (x % 2 != 0) {
        throw new IllegalArgumentException("odd: " + x);
      }
      return x / 2;
    }).build();
  }

  public static Task stats() {
    return Task.builder("stats").input("xs", dev.flytejava.runtime.types.JavaTypes.listOf(Long.class))
        .returns(Stats.class)
        .body(in -> {
          @SuppressWarnings("unchecked")
          List<Long> xs = (List<Long>) in[0];
          return new Stats(xs.size(), xs.stream().mapToLong(Long::longValue).average().orElse(0));
        }).build();
  }

  /** Records that it ran (into {@code log}) and returns nothing: a setup or teardown step. */
  public static Task step(String name, List<String> log) {
    return Task.builder(name).body(in -> {
      log.add(name);
      return null;
    }).build();
  }

  public static Duration ms(long millis) {
    return Duration.ofMillis(millis);
  }
}
