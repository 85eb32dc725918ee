package dev.flytejava.runtime.exec;

import dev.flytejava.runtime.model.LaunchPlan;
import dev.flytejava.runtime.model.Task;
import dev.flytejava.runtime.model.TypedInterface;
import dev.flytejava.runtime.model.Workflow;
import dev.flytejava.runtime.types.TypeEngine;
import flyteidl.core.Literals.Literal;
import flyteidl.core.Literals.LiteralMap;
import java.lang.reflect.Type;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs workflows, launch plans and single tasks in this JVM, as Flyte would: every value crosses every task
 * boundary as a Flyte literal (Java to literal through the {@link TypeEngine} and back), independent nodes run in
 * parallel (at most {@code parallelism} at a time per workflow), tasks get their cache, decorators, retries and
 * timeout, and a failure stops what has not started yet (teardown nodes still run) and surfaces as one
 * {@link NodeFailedException} naming the node path, attempt and cause.
 *
 * <pre>{@code
 * try (LocalExecutor executor = LocalExecutor.builder(engine).cache(DiskCache.open(DiskCache.defaultDir())).build()) {
 *   Map<String, Object> out = executor.run(pipeline, Map.of("x", 3L));
 *   long y = (long) executor.call(addOne, 41L);
 * }
 * }</pre>
 *
 * <p>Thread-safe; one executor can run many executions at once. Workflows and tasks are compiled once per
 * instance and reused. Workflow inputs not given take their defaults.
 */
public final class LocalExecutor implements AutoCloseable {
  private final TypeEngine engine;
  private final TaskCache cache;
  private final int parallelism;
  private final List<ExecutionListener> listeners;
  private final Path recordDir;
  private final ExecutorService pool;
  private final PlanCompiler compiler;
  private final AtomicLong executions = new AtomicLong();

  private LocalExecutor(Builder b) {
    this.engine = b.engine;
    this.cache = b.cache;
    this.parallelism = b.parallelism;
    this.listeners = List.copyOf(b.listeners);
    this.recordDir = b.recordDir;
    AtomicInteger threads = new AtomicInteger();
    this.pool = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "flyte-java-worker-" + threads.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    this.compiler = new PlanCompiler(engine);
  }

  public static Builder builder(TypeEngine engine) {
    return new Builder(engine);
  }

  public TypeEngine engine() {
    return engine;
  }

  public int parallelism() {
    return parallelism;
  }

  /** Runs a workflow; returns its outputs by name. */
  public Map<String, Object> run(Workflow workflow, Map<String, Object> inputs) {
    Plan plan = compiler.plan(workflow);
    return execute(plan, workflow.name(), inputLiterals(plan, inputs, "workflow [" + workflow.name() + "]"), false)
        .outputs();
  }

  /** Runs a workflow; returns outputs plus the per-node record. */
  public ExecutionResult execute(Workflow workflow, Map<String, Object> inputs) {
    Plan plan = compiler.plan(workflow);
    return execute(plan, workflow.name(), inputLiterals(plan, inputs, "workflow [" + workflow.name() + "]"), true);
  }

  /**
   * Runs a workflow with positional inputs (interface order; trailing ones may be left to their defaults) and
   * returns what a Java method would: the single output, the {@code @Outputs} record, {@code null} for no
   * outputs, or the outputs map when there are several and no record.
   */
  public Object call(Workflow workflow, Object... args) {
    return workflow.iface().javaResult(run(workflow, named(workflow.iface(), args, workflow.name())));
  }

  /** Runs a launch plan: its fixed inputs, then the given ones, then the plan's and the workflow's defaults. */
  public Map<String, Object> run(LaunchPlan plan, Map<String, Object> inputs) {
    return execute(plan, inputs).outputs();
  }

  public ExecutionResult execute(LaunchPlan lp, Map<String, Object> inputs) {
    for (String k : inputs.keySet()) {
      if (lp.fixedInputs().containsKey(k)) {
        throw new IllegalArgumentException("Input [" + k + "] of launch plan [" + lp.name()
            + "] is fixed to [" + lp.fixedInputs().get(k) + "] and cannot be given");
      }
    }
    Map<String, Object> merged = new LinkedHashMap<>(lp.defaultInputs());
    merged.putAll(inputs);
    merged.putAll(lp.fixedInputs());
    Plan plan = compiler.plan(lp.workflow());
    return execute(plan, lp.name(), inputLiterals(plan, merged, "launch plan [" + lp.name() + "]"), true);
  }

  /** Runs one task exactly as a one-node workflow would (conversion, decorators, cache, retries, timeout). */
  public Map<String, Object> run(Task task, Map<String, Object> inputs) {
    TaskRunner runner = compiler.runner(task);
    String[] names = runner.inputNames();
    Type[] types = runner.inputTypes();
    for (String k : inputs.keySet()) {
      if (!Arrays.asList(names).contains(k)) {
        throw new IllegalArgumentException("Unknown input [" + k + "] of task [" + task.name() + "]; inputs are "
            + Arrays.toString(names));
      }
    }
    Literal[] lits = new Literal[names.length];
    for (int i = 0; i < names.length; i++) {
      if (!inputs.containsKey(names[i])) {
        throw new IllegalArgumentException("Missing input [" + names[i] + "] of task [" + task.name() + "]");
      }
      lits[i] = toLiteral(inputs.get(names[i]), types[i], names[i], "task [" + task.name() + "]");
    }
    Literal[] outputs = runner.run(context(), null, task.name(), lits);
    return toJava(runner.outputNames(), runner.outputTypes(), outputs, "task [" + task.name() + "]");
  }

  /**
   * Runs one task on Flyte literals, as a container does for one attempt: the inputs converted to the task's Java
   * types, decorators, the body, the outputs converted back; the task's retries and cache are the caller's (Flyte's)
   * business. Failures are {@link NodeFailedException}s whose cause is what the task threw.
   */
  public LiteralMap run(Task task, LiteralMap inputs) {
    TaskRunner runner = compiler.runner(task);
    String[] names = runner.inputNames();
    Literal[] lits = new Literal[names.length];
    for (int i = 0; i < names.length; i++) {
      lits[i] = inputs.getLiteralsOrDefault(names[i], null);
      if (lits[i] == null) {
        throw new IllegalArgumentException("Missing input [" + names[i] + "] of task [" + task.name() + "]; the inputs"
            + " hold " + inputs.getLiteralsMap().keySet());
      }
    }
    Literal[] outputs = runner.run(context(), null, task.name(), lits);
    LiteralMap.Builder out = LiteralMap.newBuilder();
    String[] outputNames = runner.outputNames();
    for (int i = 0; i < outputNames.length; i++) {
      out.putLiterals(outputNames[i], outputs[i]);
    }
    return out.build();
  }

  /** Runs one task with positional inputs; returns like {@link #call(Workflow, Object...)}. */
  public Object call(Task task, Object... args) {
    return task.iface().javaResult(run(task, named(task.iface(), args, task.name())));
  }

  /** Runs a plan; {@code withNodes} builds the per-node records (paths and all), which {@link #run} skips. */
  private ExecutionResult execute(Plan plan, String name, Literal[] inputs, boolean withNodes) {
    ExecContext ctx = context();
    long t0 = System.nanoTime();
    Run run = new Run(ctx, plan, name, inputs, withNodes || recordDir != null);
    Literal[] out;
    try {
      out = run.execute();
    } catch (NodeFailedException e) {
      if (recordDir != null) {
        ExecutionRecords.write(recordDir, ctx.executionId, name, plan, run, t0, inputs, null, e);
      }
      throw e;
    }
    Duration took = Duration.ofNanos(System.nanoTime() - t0);
    Map<String, Object> outputs = toJava(plan.outputNames, plan.outputTypes, out, "workflow [" + name + "]");
    List<NodeRecord> nodes = withNodes ? ExecutionRecords.nodes(plan, run, t0) : List.of();
    Path file = recordDir == null ? null
        : ExecutionRecords.write(recordDir, ctx.executionId, name, plan, run, t0, inputs, out, null);
    return new ExecutionResult(ctx.executionId, name, outputs, nodes, took, file);
  }

  private ExecContext context() {
    String id = "local-" + Long.toString(System.currentTimeMillis(), 36) + "-" + executions.incrementAndGet();
    return new ExecContext(id, listeners, cache, pool, parallelism);
  }

  private Literal[] inputLiterals(Plan plan, Map<String, Object> given, String what) {
    for (String k : given.keySet()) {
      if (plan.inputIndex(k) < 0) {
        throw new IllegalArgumentException("Unknown input [" + k + "] of " + what + "; inputs are "
            + Arrays.toString(plan.inputNames));
      }
    }
    Literal[] lits = new Literal[plan.inputNames.length];
    List<String> missing = new ArrayList<>();
    for (int i = 0; i < lits.length; i++) {
      String name = plan.inputNames[i];
      if (given.containsKey(name)) {
        lits[i] = toLiteral(given.get(name), plan.inputTypes[i], name, what);
      } else if (plan.inputDefaults[i] != null) {
        lits[i] = plan.inputDefaults[i];
      } else {
        missing.add(name);
      }
    }
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException("Missing input" + (missing.size() > 1 ? "s " : " ") + missing + " of "
          + what);
    }
    return lits;
  }

  private Literal toLiteral(Object value, Type type, String input, String what) {
    try {
      return engine.toLiteral(value, type);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("Cannot convert value [" + value + "] of input [" + input + "] of " + what
          + " to [" + type.getTypeName() + "]: " + e.getMessage(), e);
    }
  }

  private Map<String, Object> toJava(String[] names, Type[] types, Literal[] lits, String what) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (int i = 0; i < names.length; i++) {
      try {
        out.put(names[i], engine.toJava(lits[i], types[i]));
      } catch (RuntimeException e) {
        throw new IllegalStateException("Cannot convert output [" + names[i] + "] of " + what + " to ["
            + types[i].getTypeName() + "]: " + e.getMessage(), e);
      }
    }
    return Collections.unmodifiableMap(out);
  }

  private static Map<String, Object> named(TypedInterface iface, Object[] args, String what) {
    if (args.length > iface.inputs().size()) {
      throw new IllegalArgumentException("[" + what + "] takes " + iface.inputs().size() + " inputs "
          + iface.inputNames() + " but got " + args.length + " arguments");
    }
    Map<String, Object> named = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      named.put(iface.inputs().get(i).name(), args[i]);
    }
    return named;
  }


  /** Stops the worker threads once idle; running executions finish. */
  @Override
  public void close() {
    pool.shutdown();
  }

  /**
   * Configures a {@link LocalExecutor}. Defaults: the disk cache in {@code ~/.flyte-java/cache} (used only by tasks
   * with a cache version), parallelism = max(4, CPUs), no listeners, no execution records.
   */
  public static final class Builder {
    private final TypeEngine engine;
    private TaskCache cache = DiskCache.at(DiskCache.defaultDir());
    private int parallelism = Math.max(4, Runtime.getRuntime().availableProcessors());
    private final List<ExecutionListener> listeners = new ArrayList<>();
    private Path recordDir;

    private Builder(TypeEngine engine) {
      this.engine = Objects.requireNonNull(engine, "engine");
    }

    /** Where cached task outputs live; {@link TaskCache#none()} turns caching off. */
    public Builder cache(TaskCache c) {
      this.cache = Objects.requireNonNull(c, "cache");
      return this;
    }

    /** At most this many nodes (or map elements) of one workflow run at once; at least 1. */
    public Builder parallelism(int p) {
      if (p < 1) {
        throw new IllegalArgumentException("parallelism must be >= 1 but was [" + p + "]");
      }
      this.parallelism = p;
      return this;
    }

    public Builder listener(ExecutionListener l) {
      listeners.add(Objects.requireNonNull(l, "listener"));
      return this;
    }

    /** Writes an execution record (JSON) per execution into this directory. Off by default. */
    public Builder recordDir(Path dir) {
      this.recordDir = dir;
      return this;
    }

    public LocalExecutor build() {
      return new LocalExecutor(this);
    }
  }
}
