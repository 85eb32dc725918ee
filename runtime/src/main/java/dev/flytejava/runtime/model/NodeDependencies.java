package dev.flytejava.runtime.model;

import java.util.LinkedHashSet;
import java.util.Set;

/** The upstream node ids a node waits for: data dependencies from bindings and conditions, plus ordering edges. */
public final class NodeDependencies {
  private NodeDependencies() {}

  /** Every node id {@code node} depends on: ordering edges, bindings, and for a branch its conditions and arms. */
  public static Set<String> of(Node node) {
    Set<String> out = new LinkedHashSet<>(node.after());
    out.addAll(dataOf(node));
    return out;
  }

  /** The node ids whose outputs {@code node} reads (bindings and branch conditions, including its arms). */
  public static Set<String> dataOf(Node node) {
    Set<String> out = new LinkedHashSet<>();
    collect(node, out);
    return out;
  }

  private static void collect(Node n, Set<String> out) {
    n.inputs().values().forEach(b -> ofBinding(b, out));
    if (n instanceof BranchNode b) {
      for (BranchNode.Case c : b.cases()) {
        ofCondition(c.condition(), out);
      }
      for (Node arm : b.armNodes()) {
        out.addAll(arm.after());
        collect(arm, out);
      }
    }
  }

  /** Adds the node ids a binding reads. */
  public static void ofBinding(Binding b, Set<String> out) {
    if (b instanceof Binding.OutputRef ref) {
      out.add(ref.nodeId());
    } else if (b instanceof Binding.ListOf list) {
      list.items().forEach(i -> ofBinding(i, out));
    } else if (b instanceof Binding.MapOf map) {
      map.entries().values().forEach(i -> ofBinding(i, out));
    }
  }

  private static void ofCondition(Condition c, Set<String> out) {
    if (c instanceof Condition.Comparison cmp) {
      ofBinding(cmp.left(), out);
      ofBinding(cmp.right(), out);
    } else if (c instanceof Condition.And a) {
      ofCondition(a.left(), out);
      ofCondition(a.right(), out);
    } else if (c instanceof Condition.Or o) {
      ofCondition(o.left(), out);
      ofCondition(o.right(), out);
    }
  }
}
