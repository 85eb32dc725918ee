package dev.flytejava.runtime.exec;

import static dev.flytejava.runtime.examples.ExampleTasks.addOne;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.flytejava.runtime.api.NodeRef;
import dev.flytejava.runtime.api.WorkflowBuilder;
import dev.flytejava.runtime.model.Binding;
import dev.flytejava.runtime.model.Workflow;
import dev.flytejava.runtime.types.TypeEngine;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Load (the {@code stress} profile): 200 runs of a 50-node workflow at once on one executor, all completed. */
@Tag("stress")
class ConcurrentRunsStressTest {
  private static final int RUNS = 200;
  private static final int NODES = 50;

  @Test
  void twoHundredConcurrentRunsOfAFiftyNodeWorkflowAllComplete() throws Exception {
    TypeEngine engine = TypeEngine.createDefault(getClass().getClassLoader());
    Workflow workflow = fiftyNodes(engine);
    long t0 = System.nanoTime();
    ExecutorService callers = Executors.newFixedThreadPool(RUNS);
    try (LocalExecutor executor = LocalExecutor.builder(engine).parallelism(8).build()) {
      List<Future<Object>> runs = new ArrayList<>();
      for (long i = 0; i < RUNS; i++) {
        long x = i;
        runs.add(callers.submit(() -> executor.call(workflow, x)));
      }
      int completed = 0;
      for (int i = 0; i < RUNS; i++) {
        // ten chains end at x + 4 each; their sum, plus one
        assertEquals(10L * i + 41, runs.get(i).get(), "run " + i);
        completed++;
      }
      System.out.println("ConcurrentRunsStressTest: runs=" + RUNS + " nodes=" + NODES + " completed=" + completed
          + " ms=" + (System.nanoTime() - t0) / 1_000_000);
    } finally {
      callers.shutdownNow();
    }
  }

  /** Ten parallel chains of four addOne steps from the input, joined by a tree of nine sums: 49 nodes + 1 step. */
  private static Workflow fiftyNodes(TypeEngine engine) {
    WorkflowBuilder b = WorkflowBuilder.create("fifty", engine);
    b.input("x", long.class);
    List<NodeRef> ends = new ArrayList<>();
    int nodes = 0;
    for (int c = 0; c < 10; c++) {
      Binding last = Binding.input("x");
      NodeRef ref = null;
      for (int s = 0; s < 4; s++) {
        ref = b.node("c" + c + "s" + s, addOne(), Map.of("x", last));
        last = ref.output();
        nodes++;
      }
      ends.add(ref);
    }
    int j = 0;
    while (ends.size() > 1) {
      NodeRef sum = b.node("sum" + j++, dev.flytejava.runtime.examples.ExampleTasks.sum(),
          Map.of("a", ends.remove(0).output(), "b", ends.remove(0).output()));
      ends.add(sum);
      nodes++;
    }
    NodeRef last = b.node("last", addOne(), Map.of("x", ends.get(0).output()));
    nodes++;
    b.output("o0", last.output());
    assertEquals(NODES, nodes);
    return b.build();
  }
}
