package dev.flytejava.runtime.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A node that runs a launch plan (Flyte's {@code launchplan_ref}): its workflow with the plan's fixed inputs,
 * the plan's defaults for inputs left unbound, and the node's bindings for the rest.
 */
public record LaunchPlanNode(String id, LaunchPlan launchPlan, Map<String, Binding> inputs, List<String> after)
    implements Node {
  public LaunchPlanNode {
    NodeChecks.id(id);
    Objects.requireNonNull(launchPlan, "launchPlan");
    inputs = NodeChecks.inputs(inputs);
    after = NodeChecks.after(after);
  }

  /** The workflow inputs that are not fixed by the plan. */
  @Override
  public List<Variable> inputVariables() {
    return launchPlan.workflow().iface().inputs().stream()
        .filter(v -> !launchPlan.fixedInputs().containsKey(v.name()))
        .toList();
  }

  @Override
  public List<Variable> outputs() {
    return launchPlan.workflow().iface().outputs();
  }

  @Override
  public LaunchPlanNode withAfter(List<String> newAfter) {
    return new LaunchPlanNode(id, launchPlan, inputs, newAfter);
  }

  @Override
  public String describe() {
    return "launch plan [" + launchPlan.name() + "]";
  }
}
