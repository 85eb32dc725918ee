package dev.flytejava.runtime.exec;

import flyteidl.core.Literals.Literal;

/**
 * A branch node: tests each case in order and runs the first matching arm (or the otherwise arm), reporting
 * it under {@code branchPath/armId}. Its outputs are the arm's outputs.
 */
final class BranchExec extends NodeExec {
  /** One arm: its condition ({@code null} for otherwise), node id, exec and input resolvers. */
  record Arm(CompiledCondition condition, String id, NodeExec exec, Resolver[] inputs) {}

  private final Arm[] arms;
  private final String failMessage;

  BranchExec(Arm[] arms, String failMessage) {
    this.arms = arms;
    this.failMessage = failMessage;
  }

  @Override
  Literal[] execute(Run run, int index, String prefix, String id, Literal[] ignored) {
    String path = TaskRunner.path(prefix, id);
    for (Arm arm : arms) {
      boolean chosen;
      try {
        chosen = arm.condition() == null || arm.condition().test(run);
      } catch (RuntimeException e) {
        throw new NodeFailedException(path, null, 0, 0, "cannot evaluate the condition of case [" + arm.id()
            + "]: " + e.getMessage(), e);
      }
      if (chosen) {
        Literal[] in = new Literal[arm.inputs().length];
        for (int i = 0; i < in.length; i++) {
          in[i] = arm.inputs()[i].resolve(run);
        }
        String armPath = path + "/" + arm.id();
        boolean own = arm.exec().reportsOwnEvents();
        long start = System.nanoTime();
        if (!own && run.ctx.listening) {
          run.ctx.emit(armPath, NodeState.RUNNING, 1, start, null);
        }
        try {
          Literal[] out = arm.exec().execute(run, index, path, arm.id(), in);
          if (!own && run.ctx.listening) {
            run.ctx.emit(armPath, NodeState.SUCCEEDED, 1, start, null);
          }
          return out;
        } catch (NodeFailedException e) {
          if (!own && run.ctx.listening) {
            run.ctx.emit(armPath, NodeState.FAILED, 1, start, e);
          }
          throw e;
        }
      }
    }
    throw new NodeFailedException(path, null, 0, 0,
        failMessage != null ? failMessage : "no case matched and the branch has no otherwise", null);
  }
}
