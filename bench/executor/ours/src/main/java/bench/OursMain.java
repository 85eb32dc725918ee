package bench;

import dev.flytejava.runtime.api.WorkflowBuilder;
import dev.flytejava.runtime.exec.LocalExecutor;
import dev.flytejava.runtime.model.Binding;
import dev.flytejava.runtime.model.Task;
import dev.flytejava.runtime.model.Workflow;
import dev.flytejava.runtime.types.JavaTypes;
import dev.flytejava.runtime.types.TypeEngine;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs the bench DAGs on our LocalExecutor and prints one JSON line: per-node overhead (median wall time of
 * the measured runs divided by the node count) for a chain of N addOne tasks and a fan-out of N addOne tasks
 * joined by one sum over the list of their outputs. Workflows are built once, outside the timing.
 */
public final class OursMain {
  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    int runs = args.length > 2 ? Integer.parseInt(args[2]) : 7;
    int parallelism = args.length > 3 ? Integer.parseInt(args[3]) : 0; // 0 = the executor's default
    TypeEngine engine = TypeEngine.createDefault(OursMain.class.getClassLoader());
    Task addOne = Task.builder("addOne").input("x", long.class).returns(long.class)
        .body(in -> (long) in[0] + 1).build();
    Task sum = Task.builder("sum").input("xs", JavaTypes.listOf(Long.class)).returns(long.class).body(in -> {
      long s = 0;
      for (Object v : (List<?>) in[0]) {
        s += (Long) v;
      }
      return s;
    }).build();

    WorkflowBuilder chain = WorkflowBuilder.create("chain", engine);
    chain.input("x", long.class);
    Binding prev = Binding.input("x");
    for (int i = 0; i < n; i++) {
      prev = chain.node("n" + i, addOne, Map.of("x", prev)).output();
    }
    chain.output("o0", prev);
    Workflow chainWf = chain.build();

    WorkflowBuilder fan = WorkflowBuilder.create("fanout", engine);
    fan.input("x", long.class);
    List<Binding> outs = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      outs.add(fan.node("n" + i, addOne, Map.of("x", Binding.input("x"))).output());
    }
    fan.output("o0", fan.node("join", sum, Map.of("xs", Binding.list(outs))).output());
    Workflow fanWf = fan.build();

    LocalExecutor.Builder builder = LocalExecutor.builder(engine);
    if (parallelism > 0) {
      builder.parallelism(parallelism);
    }
    try (LocalExecutor executor = builder.build()) {
      double[] chainUs = measure(executor, chainWf, n, (long) n, warmup, runs, n);
      double[] fanUs = measure(executor, fanWf, n + 1, (long) n, warmup, runs, n);
      System.out.printf("{\"engine\":\"flyte-java\",\"nodes\":%d,\"parallelism\":%d,\"chain_us_per_node\":%.3f,"
          + "\"chain_cpu_us_per_node\":%.3f,\"fanout_us_per_node\":%.3f,\"fanout_cpu_us_per_node\":%.3f,"
          + "\"runs\":%d}%n", n, executor.parallelism(), chainUs[0], chainUs[1], fanUs[0], fanUs[1], runs);
    }
  }

  private static double[] measure(LocalExecutor executor, Workflow wf, int nodes, long expected, int warmup,
      int runs, int n) {
    return RunTimer.measure(nodes, warmup, runs, () -> executor.call(wf, 0L), out -> check(out, expected, wf));
  }

  private static void check(Object out, long expected, Workflow wf) {
    if (!Long.valueOf(expected).equals(out)) {
      throw new IllegalStateException(wf.name() + " returned " + out + " instead of " + expected);
    }
  }
}
