package dev.flytejava.runtime.exec;

import dev.flytejava.runtime.types.TypeEngine;
import flyteidl.core.Literals.Literal;
import flyteidl.core.Literals.LiteralCollection;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A map node: one task call per list element, at most {@code concurrency} at a time, each with the task's own
 * cache, retries and timeout. Element {@code j} reports under path {@code node/j}. With a min success ratio
 * below 1, failed elements become empty optionals and the node fails only below the ratio.
 */
final class MapExec extends NodeExec {
  private final TaskRunner runner;
  private final boolean[] mapped;
  private final int concurrency;
  private final double minSuccessRatio;
  private final TypeEngine engine;
  private final Type[] nodeOutputTypes;

  MapExec(TaskRunner runner, boolean[] mapped, int concurrency, double minSuccessRatio, TypeEngine engine,
      Type[] nodeOutputTypes) {
    this.runner = runner;
    this.mapped = mapped;
    this.concurrency = concurrency;
    this.minSuccessRatio = minSuccessRatio;
    this.engine = engine;
    this.nodeOutputTypes = nodeOutputTypes;
  }

  @Override
  String taskName() {
    return runner.task().name();
  }

  @Override
  Literal[] execute(Run run, int index, String prefix, String id, Literal[] inputs) {
    String path = TaskRunner.path(prefix, id);
    int count = -1;
    for (int i = 0; i < inputs.length; i++) {
      if (mapped[i]) {
        int size = inputs[i].getCollection().getLiteralsCount();
        if (count >= 0 && size != count) {
          throw new NodeFailedException(path, taskName(), 0, 0, "mapped input [" + runner.inputNames()[i]
              + "] has " + size + " elements but the others have " + count, null);
        }
        count = size;
      }
    }
    if (count < 0) {
      count = 0;
    }
    int n = count;
    Literal[][] results = new Literal[n][];
    NodeFailedException[] errors = new NodeFailedException[n];
    int limit = concurrency == 0 ? run.ctx.parallelism : Math.min(concurrency, run.ctx.parallelism);
    ParallelFor.run(run.ctx, n, limit, j -> {
      Literal[] in = new Literal[inputs.length];
      for (int i = 0; i < in.length; i++) {
        in[i] = mapped[i] ? inputs[i].getCollection().getLiterals(j) : inputs[i];
      }
      try {
        results[j] = runner.run(run.ctx, path, String.valueOf(j), in);
      } catch (NodeFailedException e) {
        errors[j] = e;
      }
    });
    int ok = 0;
    int firstFailed = -1;
    for (int j = 0; j < n; j++) {
      if (results[j] != null) {
        ok++;
      } else if (firstFailed < 0) {
        firstFailed = j;
      }
    }
    if (firstFailed >= 0 && (minSuccessRatio >= 1 || ok < Math.ceil(minSuccessRatio * n - 1e-9))) {
      NodeFailedException first = errors[firstFailed];
      Throwable reason = first.getCause() == null ? first : first.getCause();
      // the element's own attempt goes into the detail: the map node as a whole has none
      throw new NodeFailedException(path, taskName(), 0, 0, ok + " of " + n + " elements succeeded (min success ratio "
          + minSuccessRatio + "); element [" + firstFailed + "] failed first, on attempt [" + first.attempt() + "/"
          + first.maxAttempts() + "]: " + reason.getMessage(), first);
    }
    return minSuccessRatio >= 1 ? collect(results) : collectOptional(path, results);
  }

  private Literal[] collect(Literal[][] results) {
    Literal[] out = new Literal[runner.outputTypes().length];
    for (int k = 0; k < out.length; k++) {
      LiteralCollection.Builder c = LiteralCollection.newBuilder();
      for (Literal[] r : results) {
        c.addLiterals(r[k]);
      }
      out[k] = Literal.newBuilder().setCollection(c).build();
    }
    return out;
  }

  /** Outputs as {@code List<Optional<T>>}, converted through the engine so the union literal is the engine's. */
  private Literal[] collectOptional(String path, Literal[][] results) {
    Type[] elementTypes = runner.outputTypes();
    Literal[] out = new Literal[elementTypes.length];
    for (int k = 0; k < out.length; k++) {
      List<Optional<Object>> values = new ArrayList<>(results.length);
      for (Literal[] r : results) {
        values.add(r == null ? Optional.empty() : Optional.ofNullable(engine.toJava(r[k], elementTypes[k])));
      }
      try {
        out[k] = engine.toLiteral(values, nodeOutputTypes[k]);
      } catch (RuntimeException e) {
        throw new NodeFailedException(path, taskName(), 0, 0, "cannot convert output [" + runner.outputNames()[k]
            + "]: " + e.getMessage(), e);
      }
    }
    return out;
  }
}
