package dev.flytejava.runtime.exec;

import flyteidl.core.Literals.Literal;

/** A task node: one call through its {@link TaskRunner}. */
final class TaskExec extends NodeExec {
  private final TaskRunner runner;

  TaskExec(TaskRunner runner) {
    this.runner = runner;
  }

  @Override
  Literal[] execute(Run run, int index, String prefix, String id, Literal[] inputs) {
    TaskOutcome outcome = runner.run(run.ctx, prefix, id, inputs, run.startNanos[index]);
    run.endNanos[index] = outcome.endNanos();
    run.attempts[index] = outcome.attempts();
    run.cacheHit[index] = outcome.cacheHit();
    return outcome.outputs();
  }

  @Override
  boolean isQuick() {
    return runner.isQuick();
  }

  @Override
  boolean reportsOwnEvents() {
    return true;
  }

  @Override
  String taskName() {
    return runner.task().name();
  }
}
