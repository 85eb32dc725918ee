package dev.flytejava.runtime.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/** A node that runs a task. */
public record TaskNode(String id, Task task, Map<String, Binding> inputs, List<String> after) implements Node {
  public TaskNode {
    NodeChecks.id(id);
    Objects.requireNonNull(task, "task");
    inputs = NodeChecks.inputs(inputs);
    after = NodeChecks.after(after);
  }

  @Override
  public List<Variable> inputVariables() {
    return task.iface().inputs();
  }

  @Override
  public List<Variable> outputs() {
    return task.iface().outputs();
  }

  @Override
  public TaskNode withAfter(List<String> newAfter) {
    return new TaskNode(id, task, inputs, newAfter);
  }

  @Override
  public String describe() {
    return "task [" + task.name() + "]";
  }
}
