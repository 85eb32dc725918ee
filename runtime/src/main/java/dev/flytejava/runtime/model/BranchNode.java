package dev.flytejava.runtime.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An if / else-if / else node (Flyte's {@code BranchNode}). Cases are tested in order; the first whose condition
 * holds runs its node, and the branch node's outputs are that node's outputs (every case, and the else node,
 * must have the same outputs). With no matching case the {@code otherwise} node runs; without one the branch
 * fails with {@code otherwiseError} (or a default message).
 *
 * <p>The case nodes are nested: their ids live under the branch node ({@code wf/branchId/caseId}) and their
 * bindings refer to the enclosing workflow's inputs and nodes.
 */
public record BranchNode(String id, List<Case> cases, Node otherwise, String otherwiseError, List<String> after)
    implements Node {

  /** One {@code if}/{@code else if} arm. */
  public record Case(Condition condition, Node node) {
    public Case {
      Objects.requireNonNull(condition, "condition");
      Objects.requireNonNull(node, "node");
    }
  }

  public BranchNode {
    NodeChecks.id(id);
    cases = List.copyOf(cases);
    if (cases.isEmpty()) {
      throw new IllegalArgumentException("Branch node [" + id + "] needs at least one case");
    }
    after = NodeChecks.after(after);
  }

  @Override
  public Map<String, Binding> inputs() {
    return Map.of();
  }

  @Override
  public List<Variable> inputVariables() {
    return List.of();
  }

  @Override
  public List<Variable> outputs() {
    return cases.get(0).node().outputs();
  }

  /** The case nodes then the otherwise node, if any. */
  public List<Node> armNodes() {
    List<Node> arms = new java.util.ArrayList<>();
    cases.forEach(c -> arms.add(c.node()));
    if (otherwise != null) {
      arms.add(otherwise);
    }
    return arms;
  }

  @Override
  public BranchNode withAfter(List<String> newAfter) {
    return new BranchNode(id, cases, otherwise, otherwiseError, newAfter);
  }

  @Override
  public String describe() {
    return "branch";
  }
}
