package dev.flytejava.testkit.admin;

import flyteidl.admin.Common.ResourceListRequest;
import flyteidl.admin.ExecutionOuterClass.Execution;
import flyteidl.admin.ExecutionOuterClass.ExecutionCreateRequest;
import flyteidl.admin.ExecutionOuterClass.ExecutionCreateResponse;
import flyteidl.admin.ExecutionOuterClass.ExecutionList;
import flyteidl.admin.ExecutionOuterClass.ExecutionTerminateRequest;
import flyteidl.admin.ExecutionOuterClass.ExecutionTerminateResponse;
import flyteidl.admin.ExecutionOuterClass.WorkflowExecutionGetDataResponse;
import flyteidl.admin.NodeExecutionOuterClass.NodeExecution;
import flyteidl.admin.NodeExecutionOuterClass.NodeExecutionGetDataResponse;
import flyteidl.admin.NodeExecutionOuterClass.NodeExecutionList;
import flyteidl.admin.NodeExecutionOuterClass.NodeExecutionListRequest;
import flyteidl.admin.TaskExecutionOuterClass.TaskExecutionList;
import flyteidl.admin.TaskExecutionOuterClass.TaskExecutionListRequest;
import flyteidl.core.IdentifierOuterClass.NodeExecutionIdentifier;
import flyteidl.core.IdentifierOuterClass.WorkflowExecutionIdentifier;

/** The execution half of AdminService: creating executions and serving their records. */
interface ExecutionCalls {
  ExecutionCreateResponse create(ExecutionCreateRequest request);

  Execution get(WorkflowExecutionIdentifier id);

  ExecutionList list(ResourceListRequest request);

  WorkflowExecutionGetDataResponse data(WorkflowExecutionIdentifier id);

  ExecutionTerminateResponse terminate(ExecutionTerminateRequest request);

  NodeExecutionList listNodes(NodeExecutionListRequest request);

  NodeExecution node(NodeExecutionIdentifier id);

  NodeExecutionGetDataResponse nodeData(NodeExecutionIdentifier id);

  TaskExecutionList listTasks(TaskExecutionListRequest request);

  flyteidl.admin.TaskExecutionOuterClass.TaskExecution task(flyteidl.core.IdentifierOuterClass.TaskExecutionIdentifier id);

  flyteidl.admin.TaskExecutionOuterClass.TaskExecutionGetDataResponse taskData(
      flyteidl.core.IdentifierOuterClass.TaskExecutionIdentifier id);
}
