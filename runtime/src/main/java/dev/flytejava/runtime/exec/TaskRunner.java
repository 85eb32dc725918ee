package dev.flytejava.runtime.exec;

import dev.flytejava.runtime.model.Task;
import dev.flytejava.runtime.model.TaskCall;
import dev.flytejava.runtime.model.TaskDecorator;
import dev.flytejava.runtime.model.Variable;
import dev.flytejava.runtime.types.TypeEngine;
import flyteidl.core.Literals.Literal;
import flyteidl.core.Literals.LiteralMap;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs one task call: cache lookup, input literals to Java, decorators (outermost first), the body with its
 * timeout, retries, Java outputs to literals, cache store. Built once per task and reused for every call.
 */
final class TaskRunner {
  private final Task task;
  private final TypeEngine engine;
  private final String[] inputNames;
  private final Type[] inputTypes;
  private final String[] outputNames;
  private final Type[] outputTypes;
  private final Method[] recordAccessors;
  private final TaskDecorator.Next chain;
  private final int maxAttempts;
  private final Duration timeout;
  /** Moving average of successful call times (racy updates are fine: it only steers scheduling); -1 = none. */
  private volatile long averageNanos = -1;
  /** Calls since creation, for sampling the clock (racy increments are fine). */
  private int calls;

  static final long QUICK_NANOS = 20_000;

  TaskRunner(Task task, TypeEngine engine) {
    this.task = task;
    this.engine = engine;
    List<Variable> in = task.iface().inputs();
    List<Variable> out = task.iface().outputs();
    inputNames = in.stream().map(Variable::name).toArray(String[]::new);
    inputTypes = in.stream().map(Variable::type).toArray(Type[]::new);
    outputNames = out.stream().map(Variable::name).toArray(String[]::new);
    outputTypes = out.stream().map(Variable::type).toArray(Type[]::new);
    recordAccessors = accessors(task.iface().outputRecord());
    chain = chain(task.options().decorators());
    maxAttempts = task.options().retries() + 1;
    timeout = task.options().timeout();
  }

  Task task() {
    return task;
  }

  /**
   * Whether recent calls of this task took under {@link #QUICK_NANOS}: such nodes are not worth waking a helper
   * thread for (the handoff costs more than the call). Unknown until the first call succeeds.
   */
  boolean isQuick() {
    long avg = averageNanos;
    return avg >= 0 && avg < QUICK_NANOS;
  }

  static String path(String prefix, String id) {
    return prefix == null ? id : prefix + "/" + id;
  }

  String[] inputNames() {
    return inputNames;
  }

  Type[] inputTypes() {
    return inputTypes;
  }

  Type[] outputTypes() {
    return outputTypes;
  }

  String[] outputNames() {
    return outputNames;
  }

  /**
   * One call. The node path is {@code prefix/id} (just {@code id} when prefix is null), built only for events
   * and errors.
   */
  Literal[] run(ExecContext ctx, String prefix, String id, Literal[] inputs) {
    return run(ctx, prefix, id, inputs, 0, null, 0);
  }

  /**
   * One call. {@code start} is a {@link System#nanoTime()} the caller already took, or 0 to let this runner decide
   * (it times every call while listeners watch or the task is not known to be quick, and one call in 16 otherwise:
   * the clock costs as much as a quick task's whole bookkeeping). When {@code run} is given, attempts, cache hit
   * and end time are recorded into it at {@code index}.
   */
  Literal[] run(ExecContext ctx, String prefix, String id, Literal[] inputs, long start, Run run, int index) {
    if (start == 0 && (ctx.listening || !isQuick() || (++calls & 15) == 0)) {
      start = System.nanoTime();
    }
    String key = null;
    if (task.options().cached()) {
      key = CacheKeys.of(task.name(), task.options().cacheVersion(), task.codeHash(), named(inputNames, inputs));
      Literal[] hit = fromCache(ctx, key);
      if (hit != null) {
        if (ctx.listening) {
          ctx.emit(path(prefix, id), NodeState.CACHED, 0, start, null);
        }
        if (run != null) {
          run.cacheHit[index] = true;
          run.endNanos[index] = start == 0 ? 0 : System.nanoTime();
        }
        return hit;
      }
    }
    Throwable last = null;
    for (int attempt = 1; attempt <= maxAttempts; attempt++) {
      if (ctx.listening) {
        ctx.emit(path(prefix, id), NodeState.RUNNING, attempt, start, last);
      }
      Object[] args = toJava(ctx, prefix, id, inputs, attempt, start);
      Object result;
      try {
        result = invoke(ctx, args);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw fail(ctx, path(prefix, id), attempt, start, "interrupted", e);
      } catch (Exception | LinkageError | AssertionError e) {
        last = e;
        if (attempt < maxAttempts && !Thread.currentThread().isInterrupted()) {
          continue;
        }
        throw fail(ctx, path(prefix, id), attempt, start, String.valueOf(e.getMessage() == null ? e : e.getMessage()), e);
      }
      Literal[] outputs = toLiterals(ctx, prefix, id, result, attempt, start);
      if (key != null) {
        store(ctx, key, outputs);
      }
      long end = 0;
      if (start != 0) {
        end = System.nanoTime();
        // capped, so that one preemption of a busy machine does not mark a quick task slow
        long took = Math.min(end - start, 4 * QUICK_NANOS);
        long avg = averageNanos;
        averageNanos = avg < 0 ? took : (avg * 7 + took) >> 3;
      }
      if (ctx.listening) {
        ctx.emit(path(prefix, id), NodeState.SUCCEEDED, attempt, start, null);
      }
      if (run != null) {
        run.attempts[index] = attempt;
        run.endNanos[index] = end;
      }
      return outputs;
    }
    throw new AssertionError("unreachable: attempts exhausted without result");
  }

  private Object invoke(ExecContext ctx, Object[] args) throws Exception {
    if (timeout == null) {
      return call(args);
    }
    // the body runs on a pool thread so that the worker can stop waiting and interrupt it
    Future<Object> f = ctx.pool.submit(() -> call(args));
    try {
      return f.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      f.cancel(true);
      throw new TaskTimeoutException(task.name(), timeout);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof Exception ex) {
        throw ex;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw e;
    } catch (InterruptedException e) {
      f.cancel(true);
      throw e;
    }
  }

  private Object call(Object[] args) throws Exception {
    if (chain == null) {
      return task.body().run(args);
    }
    Map<String, Object> named = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      named.put(inputNames[i], args[i]);
    }
    return chain.run(new TaskCall(task.name(), named));
  }

  private TaskDecorator.Next chain(List<TaskDecorator> decorators) {
    if (decorators.isEmpty()) {
      return null;
    }
    TaskDecorator.Next next = call -> task.body().run(positional(call));
    for (int i = decorators.size() - 1; i >= 0; i--) {
      TaskDecorator d = decorators.get(i);
      TaskDecorator.Next inner = next;
      next = call -> d.decorate(call, inner);
    }
    return next;
  }

  private Object[] positional(TaskCall call) {
    Object[] args = new Object[inputNames.length];
    for (int i = 0; i < args.length; i++) {
      if (!call.inputs().containsKey(inputNames[i])) {
        throw new IllegalArgumentException("A decorator dropped input [" + inputNames[i] + "] of task ["
            + task.name() + "]; inputs were " + call.inputs().keySet());
      }
      args[i] = call.inputs().get(inputNames[i]);
    }
    return args;
  }

  private Object[] toJava(ExecContext ctx, String prefix, String id, Literal[] inputs, int attempt, long start) {
    Object[] args = new Object[inputs.length];
    for (int i = 0; i < inputs.length; i++) {
      try {
        args[i] = engine.toJava(inputs[i], inputTypes[i]);
      } catch (RuntimeException e) {
        throw fail(ctx, path(prefix, id), attempt, start, "cannot convert input [" + inputNames[i] + "] of task ["
            + task.name() + "] to [" + inputTypes[i].getTypeName() + "]: " + e.getMessage(), e);
      }
    }
    return args;
  }

  private Literal[] toLiterals(ExecContext ctx, String prefix, String id, Object result, int attempt, long start) {
    Literal[] out = new Literal[outputTypes.length];
    if (out.length == 0) {
      return out;
    }
    if (recordAccessors == null && out.length > 1) {
      // a plugin task with several outputs and no @Outputs record returns their values in output order
      if (!(result instanceof Object[] values) || values.length != out.length) {
        throw fail(ctx, path(prefix, id), attempt, start, "returned [" + result + "] but must return " + out.length
            + " values " + java.util.Arrays.toString(outputNames) + " as an Object[]", null);
      }
      for (int i = 0; i < out.length; i++) {
        try {
          out[i] = engine.toLiteral(values[i], outputTypes[i]);
        } catch (RuntimeException e) {
          throw fail(ctx, path(prefix, id), attempt, start, "cannot convert output [" + outputNames[i] + "] value ["
              + values[i] + "] of task [" + task.name() + "]: " + e.getMessage(), e);
        }
      }
      return out;
    }
    if (recordAccessors == null) {
      try {
        out[0] = engine.toLiteral(result, outputTypes[0]);
        return out;
      } catch (RuntimeException e) {
        throw fail(ctx, path(prefix, id), attempt, start, "cannot convert output [" + outputNames[0] + "] value ["
            + result + "] of task [" + task.name() + "]: " + e.getMessage(), e);
      }
    }
    Class<?> rec = task.iface().outputRecord();
    if (!rec.isInstance(result)) {
      throw fail(ctx, path(prefix, id), attempt, start, "returned [" + result + "] but must return a [" + rec.getName()
          + "] (its @Outputs record)", null);
    }
    Object[] values = new Object[out.length];
    for (int i = 0; i < values.length; i++) {
      try {
        values[i] = recordAccessors[i].invoke(result);
      } catch (IllegalAccessException | InvocationTargetException e) {
        throw fail(ctx, path(prefix, id), attempt, start, "cannot read output [" + outputNames[i] + "]", e);
      }
    }
    for (int i = 0; i < out.length; i++) {
      try {
        out[i] = engine.toLiteral(values[i], outputTypes[i]);
      } catch (RuntimeException e) {
        throw fail(ctx, path(prefix, id), attempt, start, "cannot convert output [" + outputNames[i] + "] value [" + values[i]
            + "] of task [" + task.name() + "]: " + e.getMessage(), e);
      }
    }
    return out;
  }

  private NodeFailedException fail(ExecContext ctx, String path, int attempt, long start, String detail,
      Throwable cause) {
    if (ctx.listening) {
      ctx.emit(path, NodeState.FAILED, attempt, start, cause);
    }
    return new NodeFailedException(path, task.name(), attempt, maxAttempts, detail, cause);
  }

  private static LiteralMap named(String[] names, Literal[] literals) {
    LiteralMap.Builder m = LiteralMap.newBuilder();
    for (int i = 0; i < literals.length; i++) {
      m.putLiterals(names[i], literals[i]);
    }
    return m.build();
  }

  private Literal[] fromCache(ExecContext ctx, String key) {
    Optional<LiteralMap> entry;
    try {
      entry = ctx.cache.get(key);
    } catch (RuntimeException e) {
      return null; // an unreadable cache is a miss
    }
    if (entry.isEmpty()) {
      return null;
    }
    Literal[] out = new Literal[outputNames.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = entry.get().getLiteralsMap().get(outputNames[i]);
      if (out[i] == null) {
        return null; // an entry of another interface: a miss
      }
    }
    return out;
  }

  private void store(ExecContext ctx, String key, Literal[] outputs) {
    try {
      ctx.cache.put(key, named(outputNames, outputs));
    } catch (RuntimeException e) {
      // a cache that cannot store only costs a re-run later
    }
  }

  private static Method[] accessors(Class<? extends Record> record) {
    if (record == null) {
      return null;
    }
    RecordComponent[] rc = record.getRecordComponents();
    Method[] m = new Method[rc.length];
    for (int i = 0; i < rc.length; i++) {
      m[i] = rc[i].getAccessor();
      // records declared in a test or a notebook cell are often not public; their accessors are ours to call
      m[i].trySetAccessible();
    }
    return m;
  }
}
