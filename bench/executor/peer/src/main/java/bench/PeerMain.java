package bench;

import java.util.Map;
import java.util.stream.Collectors;
import org.flyte.api.v1.Literal;
import org.flyte.api.v1.Primitive;
import org.flyte.api.v1.RunnableTask;
import org.flyte.api.v1.Scalar;
import org.flyte.api.v1.WorkflowTemplate;
import org.flyte.flytekit.SdkRunnableTaskRegistrar;
import org.flyte.localengine.ExecutionContext;
import org.flyte.localengine.LocalEngine;

/**
 * Runs the bench DAGs on flytekit-java's LocalEngine (0.4.35) and prints one JSON line in the same shape as
 * ours. Workflow templates are built once, outside the timing; each timed run is one
 * {@code compileAndExecute}, the engine's only entry point (it compiles the template on every call).
 */
public final class PeerMain {
  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    int runs = args.length > 2 ? Integer.parseInt(args[2]) : 7;
    Map<String, String> env = Map.of("FLYTE_INTERNAL_DOMAIN", "development", "FLYTE_INTERNAL_VERSION", "bench",
        "FLYTE_INTERNAL_PROJECT", "bench");
    Map<String, RunnableTask> tasks = new SdkRunnableTaskRegistrar()
        .load(env, PeerMain.class.getClassLoader()).entrySet().stream()
        .collect(Collectors.toMap(e -> e.getKey().name(), Map.Entry::getValue));
    LocalEngine engine = new LocalEngine(ExecutionContext.builder().runnableTasks(tasks).build());

    WorkflowTemplate chain = new ChainWorkflow(n).toIdlTemplate();
    WorkflowTemplate fanout = new FanoutWorkflow(n).toIdlTemplate();
    double[] chainUs = measure(engine, chain, n, n, warmup, runs);
    double[] fanUs = measure(engine, fanout, n + 1, n, warmup, runs);
    System.out.printf("{\"engine\":\"flytekit-local-engine-0.4.35\",\"nodes\":%d,\"parallelism\":1,"
        + "\"chain_us_per_node\":%.3f,\"chain_cpu_us_per_node\":%.3f,\"fanout_us_per_node\":%.3f,"
        + "\"fanout_cpu_us_per_node\":%.3f,\"runs\":%d}%n", n, chainUs[0], chainUs[1], fanUs[0], fanUs[1], runs);
  }

  private static double[] measure(LocalEngine engine, WorkflowTemplate wf, int nodes, long expected, int warmup,
      int runs) {
    Map<String, Literal> in = Map.of("x", Literal.ofScalar(Scalar.ofPrimitive(Primitive.ofIntegerValue(0))));
    return RunTimer.measure(nodes, warmup, runs, () -> engine.compileAndExecute(wf, in), out -> check(out, expected));
  }

  private static void check(Map<String, Literal> out, long expected) {
    long got = out.get("o0").scalar().primitive().integerValue();
    if (got != expected) {
      throw new IllegalStateException("peer returned " + got + " instead of " + expected);
    }
  }
}
