package dev.flytejava.runtime.model;

import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A workflow: a typed interface, default values of some inputs (Java values), a DAG of nodes, and output
 * bindings (output name to binding, in interface order). Setup nodes run before every body node; teardown
 * nodes run after all of them, even when the body fails (flytekit's "decorating workflows").
 *
 * <p>Build one with {@code dev.flytejava.runtime.api.WorkflowBuilder}, which checks the wiring and types; this
 * record only checks that node ids are unique and that setup/teardown ids name nodes.
 */
public record Workflow(
    String name,
    TypedInterface iface,
    Map<String, Object> defaults,
    List<Node> nodes,
    Map<String, Binding> outputs,
    Set<String> setup,
    Set<String> teardown) {

  public Workflow {
    Names.requireNonBlank(name, "workflow name");
    Objects.requireNonNull(iface, "iface");
    defaults = Collections.unmodifiableMap(new LinkedHashMap<>(defaults));
    nodes = List.copyOf(nodes);
    outputs = Collections.unmodifiableMap(new LinkedHashMap<>(outputs));
    setup = Set.copyOf(setup);
    teardown = Set.copyOf(teardown);
    Set<String> ids = new HashSet<>();
    for (Node n : nodes) {
      if (!ids.add(n.id())) {
        throw new IllegalArgumentException("Duplicate node id [" + n.id() + "] in workflow [" + name + "]");
      }
    }
    for (String id : setup) {
      if (!ids.contains(id)) {
        throw new IllegalArgumentException("Unknown setup node [" + id + "] in workflow [" + name + "]");
      }
    }
    for (String id : teardown) {
      if (!ids.contains(id)) {
        throw new IllegalArgumentException("Unknown teardown node [" + id + "] in workflow [" + name + "]");
      }
    }
    for (String input : defaults.keySet()) {
      if (iface.inputIndex(input) < 0) {
        throw new IllegalArgumentException("Default for unknown input [" + input + "] of workflow [" + name + "]");
      }
    }
  }

  public Node node(String id) {
    for (Node n : nodes) {
      if (n.id().equals(id)) {
        return n;
      }
    }
    return null;
  }

  @Override
  public String toString() {
    return "Workflow[" + name + ", " + nodes.size() + " nodes]";
  }
}
