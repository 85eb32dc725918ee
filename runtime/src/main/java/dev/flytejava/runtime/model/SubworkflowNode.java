package dev.flytejava.runtime.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/** A node that runs another workflow inline (Flyte's {@code sub_workflow_ref}). */
public record SubworkflowNode(String id, Workflow workflow, Map<String, Binding> inputs, List<String> after)
    implements Node {
  public SubworkflowNode {
    NodeChecks.id(id);
    Objects.requireNonNull(workflow, "workflow");
    inputs = NodeChecks.inputs(inputs);
    after = NodeChecks.after(after);
  }

  @Override
  public List<Variable> inputVariables() {
    return workflow.iface().inputs();
  }

  @Override
  public List<Variable> outputs() {
    return workflow.iface().outputs();
  }

  @Override
  public SubworkflowNode withAfter(List<String> newAfter) {
    return new SubworkflowNode(id, workflow, inputs, newAfter);
  }

  @Override
  public String describe() {
    return "subworkflow [" + workflow.name() + "]";
  }
}
