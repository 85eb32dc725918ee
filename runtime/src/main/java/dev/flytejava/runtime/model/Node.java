package dev.flytejava.runtime.model;

import java.util.List;
import java.util.Map;

/**
 * A node of a workflow DAG. Every node has an id unique in its workflow, input bindings, explicit ordering
 * edges ({@link #after()}, Flyte's {@code upstream_node_ids} beyond data dependencies, i.e. {@code a >> b}),
 * the typed variables it expects and the outputs it produces. A node runs when all nodes it depends on
 * (through bindings, branch conditions or {@code after}) have succeeded.
 */
public sealed interface Node
    permits TaskNode, SubworkflowNode, LaunchPlanNode, BranchNode, MapNode {

  String id();

  /** Input name to binding; for a branch node, empty (its cases and conditions carry the bindings). */
  Map<String, Binding> inputs();

  /** Ids of nodes that must finish first although no data flows from them. */
  List<String> after();

  /** The variables the inputs bind to, in order. */
  List<Variable> inputVariables();

  /** The outputs this node produces, in order. */
  List<Variable> outputs();

  /** A copy with other ordering edges. */
  Node withAfter(List<String> newAfter);

  /** A short description of what the node runs, for messages ("task [addOne]", "branch"). */
  String describe();
}
