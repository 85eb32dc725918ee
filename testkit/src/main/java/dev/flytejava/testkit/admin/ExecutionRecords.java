package dev.flytejava.testkit.admin;

import com.google.protobuf.Timestamp;
import com.google.protobuf.util.Durations;
import com.google.protobuf.util.Timestamps;
import flyteidl.admin.ExecutionOuterClass.LiteralMapBlob;
import flyteidl.admin.ExecutionOuterClass.AbortMetadata;
import flyteidl.admin.ExecutionOuterClass.Execution;
import flyteidl.admin.NodeExecutionOuterClass.NodeExecution;
import flyteidl.admin.NodeExecutionOuterClass.NodeExecutionMetaData;
import flyteidl.admin.NodeExecutionOuterClass.TaskNodeMetadata;
import flyteidl.admin.NodeExecutionOuterClass.WorkflowNodeMetadata;
import flyteidl.admin.TaskExecutionOuterClass.TaskExecution;
import flyteidl.core.Execution.WorkflowExecution;
import flyteidl.core.IdentifierOuterClass.NodeExecutionIdentifier;
import flyteidl.core.IdentifierOuterClass.TaskExecutionIdentifier;
import flyteidl.core.IdentifierOuterClass.WorkflowExecutionIdentifier;
import flyteidl.event.Event.NodeExecutionEvent;
import flyteidl.event.Event.TaskExecutionEvent;
import flyteidl.event.Event.WorkflowExecutionEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The executions FlyteAdmin serves, kept up to date from propeller's events as FlyteAdmin's event handlers do
 * (execution_manager.go, node_execution_manager.go, task_execution_manager.go): the phase, started_at when it
 * starts running, the duration once terminal, output URIs and errors, parent and child node executions
 * (parent_node_metadata, is_parent, is_array) and each attempt's task execution. Events after a terminal phase are
 * dropped, as FlyteAdmin refuses them.
 */
final class ExecutionRecords implements ExecutionLauncher.Events {
  private final Map<WorkflowExecutionIdentifier, Execution.Builder> executions = new LinkedHashMap<>();
  private final Map<WorkflowExecutionIdentifier, Map<String, NodeExecution.Builder>> nodes = new LinkedHashMap<>();
  private final Map<WorkflowExecutionIdentifier, Map<String, String>> parents = new LinkedHashMap<>();
  private final Map<TaskExecutionIdentifier, TaskExecution.Builder> tasks = new LinkedHashMap<>();

  synchronized void created(Execution execution) {
    executions.put(execution.getId(), execution.toBuilder());
    nodes.put(execution.getId(), new LinkedHashMap<>());
    parents.put(execution.getId(), new LinkedHashMap<>());
  }

  synchronized Optional<Execution> execution(WorkflowExecutionIdentifier id) {
    return Optional.ofNullable(executions.get(key(id))).map(Execution.Builder::build);
  }

  synchronized List<Execution> executions() {
    List<Execution> out = new ArrayList<>();
    executions.values().forEach(e -> out.add(0, e.build()));
    return out;
  }

  /** The node executions whose parent is {@code parentNodeId} ("" for the top level), in the order they started. */
  synchronized List<NodeExecution> nodes(WorkflowExecutionIdentifier id, String parentNodeId) {
    Map<String, NodeExecution.Builder> all = nodes.getOrDefault(key(id), Map.of());
    Map<String, String> parentOf = parents.getOrDefault(key(id), Map.of());
    List<NodeExecution> out = new ArrayList<>();
    all.forEach((nodeId, n) -> {
      if (parentOf.getOrDefault(nodeId, "").equals(parentNodeId)) {
        out.add(n.build());
      }
    });
    return out;
  }

  synchronized Optional<NodeExecution> node(NodeExecutionIdentifier id) {
    return Optional.ofNullable(nodes.getOrDefault(key(id.getExecutionId()), Map.of()).get(id.getNodeId()))
        .map(NodeExecution.Builder::build);
  }

  synchronized List<TaskExecution> tasks(NodeExecutionIdentifier node) {
    List<TaskExecution> out = new ArrayList<>();
    NodeExecutionIdentifier n = node.toBuilder().setExecutionId(key(node.getExecutionId())).build();
    tasks.forEach((id, t) -> {
      if (id.getNodeExecutionId().equals(n)) {
        out.add(t.build());
      }
    });
    return out;
  }

  synchronized Optional<TaskExecution> task(TaskExecutionIdentifier id) {
    TaskExecutionIdentifier key = id.toBuilder().setNodeExecutionId(id.getNodeExecutionId().toBuilder()
        .setExecutionId(key(id.getNodeExecutionId().getExecutionId()))).build();
    return Optional.ofNullable(tasks.get(key)).map(TaskExecution.Builder::build);
  }

  @Override
  public synchronized void workflowEvent(WorkflowExecutionEvent e) {
    Execution.Builder exec = executions.get(key(e.getExecutionId()));
    if (exec == null || terminal(exec.getClosure().getPhase())) {
      return;
    }
    var closure = exec.getClosureBuilder();
    closure.setPhase(e.getPhase()).setUpdatedAt(e.getOccurredAt());
    if (e.getPhase() == WorkflowExecution.Phase.RUNNING && !closure.hasStartedAt()) {
      closure.setStartedAt(e.getOccurredAt());
    }
    if (terminal(e.getPhase())) {
      closure.setDuration(since(closure.hasStartedAt() ? closure.getStartedAt() : closure.getCreatedAt(),
          e.getOccurredAt()));
    }
    if (e.getPhase() == WorkflowExecution.Phase.ABORTED && closure.hasAbortMetadata()) {
      return; // the abort's cause and principal stay the result (one oneof with error and outputs)
    }
    if (e.hasError()) {
      closure.setError(e.getError());
    } else if (!e.getOutputUri().isEmpty()) {
      closure.setOutputs(LiteralMapBlob.newBuilder().setUri(e.getOutputUri()));
    } else if (e.hasOutputData()) {
      closure.setOutputData(e.getOutputData());
    }
  }

  /** An abort asked for through TerminateExecution: the cause is kept, the phase comes with propeller's event. */
  synchronized void aborting(WorkflowExecutionIdentifier id, String cause, String principal) {
    Execution.Builder exec = executions.get(key(id));
    if (exec != null && !terminal(exec.getClosure().getPhase())) {
      exec.getClosureBuilder().setAbortMetadata(AbortMetadata.newBuilder().setCause(cause).setPrincipal(principal))
          .setPhase(WorkflowExecution.Phase.ABORTING).setUpdatedAt(Entities.now());
    }
  }

  @Override
  public synchronized void nodeEvent(NodeExecutionEvent e) {
    WorkflowExecutionIdentifier execId = key(e.getId().getExecutionId());
    Map<String, NodeExecution.Builder> byId = nodes.get(execId);
    if (byId == null) {
      return;
    }
    String nodeId = e.getId().getNodeId();
    NodeExecution.Builder node = byId.get(nodeId);
    if (node == null) {
      node = NodeExecution.newBuilder().setId(e.getId().toBuilder().setExecutionId(execId));
      node.getClosureBuilder().setCreatedAt(e.getOccurredAt());
      byId.put(nodeId, node);
      if (e.hasParentNodeMetadata()) {
        parents.get(execId).put(nodeId, e.getParentNodeMetadata().getNodeId());
      }
    }
    var closure = node.getClosureBuilder();
    if (terminal(closure.getPhase())) {
      return;
    }
    closure.setPhase(e.getPhase()).setUpdatedAt(e.getOccurredAt());
    if (e.getPhase() == flyteidl.core.Execution.NodeExecution.Phase.RUNNING && !closure.hasStartedAt()) {
      closure.setStartedAt(e.getOccurredAt());
    }
    if (terminal(e.getPhase())) {
      closure.setDuration(since(closure.hasStartedAt() ? closure.getStartedAt() : closure.getCreatedAt(),
          e.getOccurredAt()));
    }
    if (!e.getInputUri().isEmpty()) {
      node.setInputUri(e.getInputUri());
    }
    if (e.hasError()) {
      closure.setError(e.getError());
    } else if (!e.getOutputUri().isEmpty()) {
      closure.setOutputUri(e.getOutputUri());
    }
    if (e.hasWorkflowNodeMetadata()) {
      closure.setWorkflowNodeMetadata(WorkflowNodeMetadata.newBuilder()
          .setExecutionId(e.getWorkflowNodeMetadata().getExecutionId()));
    } else if (e.hasTaskNodeMetadata()) {
      closure.setTaskNodeMetadata(TaskNodeMetadata.newBuilder()
          .setCacheStatus(e.getTaskNodeMetadata().getCacheStatus())
          .setCatalogKey(e.getTaskNodeMetadata().getCatalogKey()));
    }
    if (!e.getDeckUri().isEmpty()) {
      closure.setDeckUri(e.getDeckUri());
    }
    NodeExecutionMetaData.Builder meta = node.getMetadataBuilder();
    meta.setRetryGroup(e.getRetryGroup()).setSpecNodeId(e.getSpecNodeId().isEmpty() ? meta.getSpecNodeId()
        : e.getSpecNodeId());
    meta.setIsParentNode(meta.getIsParentNode() || e.getIsParent())
        .setIsDynamic(meta.getIsDynamic() || e.getIsDynamic())
        .setIsArray(meta.getIsArray() || e.getIsArray());
  }

  @Override
  public synchronized void taskEvent(TaskExecutionEvent e) {
    NodeExecutionIdentifier node = e.getParentNodeExecutionId().toBuilder()
        .setExecutionId(key(e.getParentNodeExecutionId().getExecutionId())).build();
    TaskExecutionIdentifier id = TaskExecutionIdentifier.newBuilder().setTaskId(e.getTaskId())
        .setNodeExecutionId(node).setRetryAttempt(e.getRetryAttempt()).build();
    TaskExecution.Builder task = tasks.get(id);
    if (task == null) {
      task = TaskExecution.newBuilder().setId(id);
      task.getClosureBuilder().setCreatedAt(e.getOccurredAt());
      tasks.put(id, task);
    }
    var closure = task.getClosureBuilder();
    if (terminal(closure.getPhase())) {
      return;
    }
    closure.setPhase(e.getPhase()).setUpdatedAt(e.getOccurredAt()).setTaskType(e.getTaskType())
        .setEventVersion(e.getEventVersion());
    if (e.getPhase() == flyteidl.core.Execution.TaskExecution.Phase.RUNNING && !closure.hasStartedAt()) {
      closure.setStartedAt(e.getOccurredAt());
    }
    if (terminal(e.getPhase())) {
      closure.setDuration(since(closure.hasStartedAt() ? closure.getStartedAt() : closure.getCreatedAt(),
          e.getOccurredAt()));
    }
    if (e.getLogsCount() > 0) {
      closure.clearLogs().addAllLogs(e.getLogsList());
    }
    if (!e.getReason().isEmpty()) {
      closure.setReason(e.getReason());
    }
    if (e.hasCustomInfo()) {
      closure.setCustomInfo(e.getCustomInfo());
    }
    if (e.hasMetadata()) {
      closure.setMetadata(e.getMetadata());
    }
    if (!e.getInputUri().isEmpty()) {
      task.setInputUri(e.getInputUri());
    }
    if (e.hasError()) {
      closure.setError(e.getError());
    } else if (!e.getOutputUri().isEmpty()) {
      closure.setOutputUri(e.getOutputUri());
    }
  }

  static boolean terminal(WorkflowExecution.Phase p) {
    return p == WorkflowExecution.Phase.SUCCEEDED || p == WorkflowExecution.Phase.FAILED
        || p == WorkflowExecution.Phase.ABORTED || p == WorkflowExecution.Phase.TIMED_OUT;
  }

  static boolean terminal(flyteidl.core.Execution.NodeExecution.Phase p) {
    switch (p) {
      case SUCCEEDED: case FAILED: case ABORTED: case SKIPPED: case TIMED_OUT: case RECOVERED: return true;
      default: return false;
    }
  }

  static boolean terminal(flyteidl.core.Execution.TaskExecution.Phase p) {
    switch (p) {
      case SUCCEEDED: case FAILED: case ABORTED: return true;
      default: return false;
    }
  }

  private static com.google.protobuf.Duration since(Timestamp from, Timestamp to) {
    return Durations.fromNanos(Math.max(0, Timestamps.toNanos(to) - Timestamps.toNanos(from)));
  }

  private static WorkflowExecutionIdentifier key(WorkflowExecutionIdentifier id) {
    return id.toBuilder().clearOrg().build();
  }
}
