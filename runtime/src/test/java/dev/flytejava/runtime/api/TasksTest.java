package dev.flytejava.runtime.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.flytejava.runtime.exec.LocalExecutor;
import dev.flytejava.runtime.exec.NodeFailedException;
import dev.flytejava.runtime.exec.TaskCache;
import dev.flytejava.runtime.model.Outputs;
import dev.flytejava.runtime.model.Task;
import dev.flytejava.runtime.model.Variable;
import dev.flytejava.runtime.types.JavaTypes;
import dev.flytejava.runtime.types.TypeEngine;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TasksTest {
  @Outputs
  record MinMax(long min, long max) {}

  static final class MyTasks {
    @FlyteTask(cache = "v1", retries = 2, timeout = "30s")
    static long addOne(long x) {
      return x + 1;
    }

    @FlyteTask(name = "range")
    static MinMax minMax(List<Long> xs) {
      return new MinMax(xs.stream().mapToLong(Long::longValue).min().orElseThrow(),
          xs.stream().mapToLong(Long::longValue).max().orElseThrow());
    }

    @FlyteTask
    static void check(String label) {
      if (label.isEmpty()) {
        throw new IllegalArgumentException("empty label");
      }
    }
  }

  @Test
  void annotatedMethodsBecomeTasks() {
    List<Task> tasks = Tasks.fromClass(MyTasks.class);
    assertEquals(List.of("addOne", "check", "range"), tasks.stream().map(Task::name).toList());
    Task addOne = tasks.get(0);
    assertEquals(List.of(new Variable("x", long.class)), addOne.iface().inputs());
    assertEquals(List.of(new Variable("o0", long.class)), addOne.iface().outputs());
    assertEquals("v1", addOne.options().cacheVersion());
    assertEquals(2, addOne.options().retries());
    assertEquals(Duration.ofSeconds(30), addOne.options().timeout());
    assertEquals(List.of(new Variable("xs", JavaTypes.listOf(Long.class))), tasks.get(2).iface().inputs());
    assertEquals(List.of("min", "max"), tasks.get(2).iface().outputNames());
    assertEquals(List.of(), tasks.get(1).iface().outputs());

    try (LocalExecutor ex = LocalExecutor.builder(TypeEngine.createDefault(getClass().getClassLoader()))
        .cache(TaskCache.none()).build()) {
      assertEquals(8L, ex.call(addOne, 7L));
      assertEquals(new MinMax(1, 9), ex.call(tasks.get(2), List.of(5L, 1L, 9L)));
      assertEquals(Map.of("min", 2L, "max", 2L), ex.run(tasks.get(2), Map.of("xs", List.of(2L))));
      NodeFailedException e = assertThrows(NodeFailedException.class, () -> ex.call(tasks.get(1), ""));
      assertInstanceOf(IllegalArgumentException.class, e.getCause());
    }
  }

  @Test
  void durations() {
    assertEquals(Duration.ofMillis(500), Durations.parse("500ms"));
    assertEquals(Duration.ofMinutes(5), Durations.parse("PT5M"));
    assertEquals(Duration.ofHours(2), Durations.parse("2h"));
    assertEquals(Duration.ofMinutes(90), Durations.parse("1h30m"));
    assertEquals(Duration.ofMinutes(5), Durations.parse("pt5m"));
    assertThrows(IllegalArgumentException.class, () -> Durations.parse("soon"));
  }
}
