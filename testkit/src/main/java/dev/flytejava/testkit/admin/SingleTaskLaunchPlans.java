package dev.flytejava.testkit.admin;

import flyteidl.admin.LaunchPlanOuterClass.LaunchPlan;
import flyteidl.admin.LaunchPlanOuterClass.LaunchPlanCreateRequest;
import flyteidl.admin.LaunchPlanOuterClass.LaunchPlanSpec;
import flyteidl.admin.TaskOuterClass.Task;
import flyteidl.admin.WorkflowOuterClass.WorkflowCreateRequest;
import flyteidl.admin.WorkflowOuterClass.WorkflowSpec;
import flyteidl.core.IdentifierOuterClass.Identifier;
import flyteidl.core.IdentifierOuterClass.ResourceType;
import flyteidl.core.Interface.Parameter;
import flyteidl.core.Interface.ParameterMap;
import flyteidl.core.Interface.TypedInterface;
import flyteidl.core.Literals.Binding;
import flyteidl.core.Literals.BindingData;
import flyteidl.core.Tasks.TaskTemplate;
import flyteidl.core.Types.OutputReference;
import flyteidl.core.Workflow.Node;
import flyteidl.core.Workflow.TaskNode;
import flyteidl.core.Workflow.WorkflowTemplate;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;

/**
 * FlyteAdmin's single-task executions (util/single_task_execution.go): an execution of a task runs a generated
 * one-node workflow {@code .flytegen.<task>} and its launch plan, created on first use under the task's version.
 */
final class SingleTaskLaunchPlans {
  private SingleTaskLaunchPlans() {}

  static LaunchPlan forTask(Entities entities, Identifier taskId) {
    Task task = Entities.get(entities.tasks, taskId, "TASK");
    TaskTemplate template = task.getClosure().getCompiledTask().getTemplate();
    TypedInterface iface = template.getInterface();
    Identifier workflowId = taskId.toBuilder().setResourceType(ResourceType.WORKFLOW)
        .setName(".flytegen." + taskId.getName()).build();
    Node.Builder node = Node.newBuilder().setId(taskId.getName().replaceAll("[^a-zA-Z0-9-]", "-").toLowerCase())
        .setTaskNode(TaskNode.newBuilder().setReferenceId(template.getId()));
    iface.getInputs().getVariablesMap().keySet().forEach(name -> node.addInputs(Binding.newBuilder().setVar(name)
        .setBinding(BindingData.newBuilder().setPromise(OutputReference.newBuilder().setNodeId("").setVar(name)))));
    WorkflowTemplate.Builder wf = WorkflowTemplate.newBuilder().setId(workflowId).setInterface(iface).addNodes(node);
    iface.getOutputs().getVariablesMap().keySet().forEach(name -> wf.addOutputs(Binding.newBuilder().setVar(name)
        .setBinding(BindingData.newBuilder().setPromise(OutputReference.newBuilder().setNodeId(node.getId())
            .setVar(name)))));
    ignoreExisting(() -> entities.createWorkflow(WorkflowCreateRequest.newBuilder().setId(workflowId)
        .setSpec(WorkflowSpec.newBuilder().setTemplate(wf)).build()));
    ParameterMap.Builder required = ParameterMap.newBuilder();
    iface.getInputs().getVariablesMap().forEach((name, v) -> required.putParameters(name,
        Parameter.newBuilder().setVar(v).setRequired(true).build()));
    Identifier lpId = workflowId.toBuilder().setResourceType(ResourceType.LAUNCH_PLAN).build();
    ignoreExisting(() -> entities.createLaunchPlan(LaunchPlanCreateRequest.newBuilder().setId(lpId)
        .setSpec(LaunchPlanSpec.newBuilder().setWorkflowId(workflowId).setDefaultInputs(required)).build()));
    return Entities.get(entities.launchPlans, lpId, "LAUNCH_PLAN");
  }

  private static void ignoreExisting(Runnable create) {
    try {
      create.run();
    } catch (StatusRuntimeException e) {
      if (e.getStatus().getCode() != Status.Code.ALREADY_EXISTS) {
        throw e;
      }
    }
  }
}
