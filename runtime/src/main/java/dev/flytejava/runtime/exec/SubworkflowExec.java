package dev.flytejava.runtime.exec;

import flyteidl.core.Literals.Literal;

/**
 * A subworkflow or launch-plan node: runs the child plan to completion on the current thread (helpers from the
 * shared pool may join). For a launch plan, {@code fixed} holds per workflow input either the plan's fixed or
 * default literal, and {@code fromNode} the position of the node input bound to it (-1 if none).
 */
final class SubworkflowExec extends NodeExec {
  private final Plan child;
  private final int[] fromNode;
  private final Literal[] fixed;

  SubworkflowExec(Plan child, int[] fromNode, Literal[] fixed) {
    this.child = child;
    this.fromNode = fromNode;
    this.fixed = fixed;
  }

  @Override
  Literal[] execute(Run run, int index, String prefix, String id, Literal[] inputs) {
    Literal[] childInputs = inputs;
    if (fromNode != null) {
      childInputs = new Literal[fromNode.length];
      for (int i = 0; i < fromNode.length; i++) {
        childInputs[i] = fromNode[i] >= 0 ? inputs[fromNode[i]] : fixed[i];
      }
    }
    return new Run(run.ctx, child, TaskRunner.path(prefix, id), childInputs, run.timed).execute();
  }
}
