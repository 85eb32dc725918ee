package dev.flytejava.runtime.exec;

import flyteidl.core.Literals.Literal;

/** A task node: one call through its {@link TaskRunner}. */
final class TaskExec extends NodeExec {
  private final TaskRunner runner;

  TaskExec(TaskRunner runner) {
    this.runner = runner;
  }

  @Override
  Literal[] execute(Run run, int index, String path, Literal[] inputs) {
    TaskOutcome outcome = runner.run(run.ctx, path, inputs);
    run.attempts[index] = outcome.attempts();
    run.cacheHit[index] = outcome.cacheHit();
    return outcome.outputs();
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
