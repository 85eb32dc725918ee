package dev.flytejava.testkit.admin;

import flyteidl.admin.LaunchPlanOuterClass.LaunchPlan;
import flyteidl.core.Compiler.CompiledWorkflowClosure;
import flyteidl.core.IdentifierOuterClass.Identifier;
import flyteidl.core.IdentifierOuterClass.WorkflowExecutionIdentifier;
import flyteidl.core.Literals.LiteralMap;
import flyteidl.event.Event.NodeExecutionEvent;
import flyteidl.event.Event.TaskExecutionEvent;
import flyteidl.event.Event.WorkflowExecutionEvent;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where CreateExecution hands an execution once FlyteAdmin's part is done (the launch plan resolved, the inputs
 * checked, merged and written): the testkit's propeller, which reports back through {@link Events} with the
 * official event messages, in propeller's order.
 */
public interface ExecutionLauncher {
  /**
   * What FlyteAdmin gives propeller for one execution: its compiled workflow, the merged inputs (also written to
   * {@code metadataPrefix/inputs.pb}), where outputs go, and the registered launch plans that launch-plan nodes
   * may call, with their workflows compiled.
   */
  record Launch(WorkflowExecutionIdentifier id, CompiledWorkflowClosure closure, LiteralMap inputs,
      String metadataPrefix, String rawOutputPrefix, Function<Identifier, Optional<Target>> launchPlans) {}

  /** A launch plan a node refers to, and its workflow as compiled at registration. */
  record Target(LaunchPlan launchPlan, CompiledWorkflowClosure closure) {}

  /** Propeller's reports. */
  interface Events {
    void workflowEvent(WorkflowExecutionEvent e);

    void nodeEvent(NodeExecutionEvent e);

    void taskEvent(TaskExecutionEvent e);
  }

  /** A started execution. */
  interface Launched {
    void abort(String cause);
  }

  Launched launch(Launch launch, Events events);
}
