package dev.flytejava.runtime.exec;

import static dev.flytejava.runtime.examples.ExampleTasks.addOne;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flytejava.runtime.api.NodeRef;
import dev.flytejava.runtime.api.WorkflowBuilder;
import dev.flytejava.runtime.model.Binding;
import dev.flytejava.runtime.model.Task;
import dev.flytejava.runtime.model.Workflow;
import dev.flytejava.runtime.types.TypeEngine;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Tasks that exhaust memory or hang without heeding interrupts fail their node; the executor runs on. (An
 * {@code OutOfMemoryError} is never retried; in a workflow it fails the node like any error.)
 */
class TaskFaultTest {
  private final TypeEngine engine = TypeEngine.createDefault(getClass().getClassLoader());
  private final LocalExecutor executor = LocalExecutor.builder(engine).parallelism(2).build();

  /** Lets the spinning task's thread end once the test is over (nothing else can stop it). */
  private final AtomicBoolean spin = new AtomicBoolean(true);

  @AfterEach
  void close() {
    spin.set(false);
    executor.close();
  }

  @Test
  void aTaskThatExhaustsMemoryFailsItsNodeAndTheNextRunSucceeds() {
    Task hungry = Task.builder("hungry").input("x", long.class).returns(long.class)
        .body(in -> (long) new long[Integer.MAX_VALUE - 16].length).build();
    WorkflowBuilder b = WorkflowBuilder.create("greedy", engine);
    b.input("x", long.class);
    NodeRef n = b.node("n", hungry, Map.of("x", Binding.input("x")));
    b.output("o0", n.output());
    Workflow workflow = b.build();
    NodeFailedException e = assertThrows(NodeFailedException.class, () -> executor.call(workflow, 1L));
    assertEquals("greedy/n", e.nodePath());
    assertEquals("hungry", e.taskName());
    assertInstanceOf(OutOfMemoryError.class, e.getCause(), e.toString());
    assertEquals(42L, executor.call(addOne(), 41L));
  }

  @Test
  void aTaskThatSpinsIgnoringInterruptsStillTimesOut() {
    Task spinning = Task.builder("spinning").input("x", long.class).returns(long.class).timeout(Duration.ofMillis(200))
        .body(in -> {
          long n = 0;
          while (spin.get()) n++; // never checks for interrupts
          return n;
        }).build();
    long t0 = System.nanoTime();
    NodeFailedException e = assertThrows(NodeFailedException.class, () -> executor.call(spinning, 1L));
    long ms = (System.nanoTime() - t0) / 1_000_000;
    assertInstanceOf(TaskTimeoutException.class, e.getCause(), e.toString());
    assertTrue(ms < 5_000, "the timeout took " + ms + " ms");
    assertEquals(42L, executor.call(addOne(), 41L));
  }
}
