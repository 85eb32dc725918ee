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
    return runner.run(run.ctx, prefix, id, inputs, run.startNanos[index], run, index);
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
