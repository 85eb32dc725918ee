package dev.flytejava.runtime.api;

import java.util.List;
import java.util.stream.Collectors;

/** Every wiring and type error of a workflow, found in one pass by {@link WorkflowBuilder#build()}. */
public class WiringException extends IllegalArgumentException {
  private final String workflow;
  private final List<WiringError> errors;

  public WiringException(String workflow, List<WiringError> errors) {
    super(errors.size() + " wiring error" + (errors.size() == 1 ? "" : "s") + " in workflow [" + workflow + "]:\n"
        + errors.stream().map(e -> "  - " + e.message()).collect(Collectors.joining("\n")));
    this.workflow = workflow;
    this.errors = List.copyOf(errors);
  }

  public String workflow() {
    return workflow;
  }

  public List<WiringError> errors() {
    return errors;
  }
}
