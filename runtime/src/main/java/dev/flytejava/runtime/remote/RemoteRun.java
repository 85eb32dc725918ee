package dev.flytejava.runtime.remote;

import dev.flytejava.runtime.types.TypeEngine;
import flyteidl.admin.Common.ObjectGetRequest;
import flyteidl.admin.ExecutionOuterClass.Execution;
import flyteidl.admin.ExecutionOuterClass.ExecutionCreateRequest;
import flyteidl.admin.ExecutionOuterClass.ExecutionSpec;
import flyteidl.admin.ExecutionOuterClass.WorkflowExecutionGetDataRequest;
import flyteidl.admin.ExecutionOuterClass.WorkflowExecutionGetRequest;
import flyteidl.admin.NodeExecutionOuterClass.NodeExecution;
import flyteidl.admin.NodeExecutionOuterClass.NodeExecutionListRequest;
import flyteidl.core.Execution.WorkflowExecution;
import flyteidl.core.IdentifierOuterClass.Identifier;
import flyteidl.core.IdentifierOuterClass.ResourceType;
import flyteidl.core.IdentifierOuterClass.WorkflowExecutionIdentifier;
import flyteidl.core.Interface.Variable;
import flyteidl.core.Literals.Literal;
import flyteidl.core.Literals.LiteralMap;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Runs a registered launch plan (or a task, through FlyteAdmin's single-task launch plan) remotely: inputs from
 * Java values through the {@link TypeEngine}, polling until the execution ends, outputs back as Java values.
 */
public final class RemoteRun {
  private static final Duration POLL = Duration.ofMillis(250);

  private final AdminClient client;
  private final TypeEngine engine;

  public RemoteRun(AdminClient client, TypeEngine engine) {
    this.client = client;
    this.engine = engine;
  }

  /** Starts the execution; {@code name} may be empty (FlyteAdmin then picks one). */
  public WorkflowExecutionIdentifier start(Identifier target, Map<String, Object> inputs, String name) {
    LiteralMap.Builder literals = LiteralMap.newBuilder();
    inputs.forEach((k, v) -> literals.putLiterals(k, engine.toLiteral(v, v.getClass())));
    return start(target, literals.build(), name);
  }

  /** Starts the execution with inputs already converted (by their declared types, not their runtime classes). */
  public WorkflowExecutionIdentifier start(Identifier target, LiteralMap literals, String name) {
    return client.admin("CreateExecution", a -> a.createExecution(ExecutionCreateRequest.newBuilder()
        .setProject(target.getProject()).setDomain(target.getDomain()).setName(name)
        .setSpec(ExecutionSpec.newBuilder().setLaunchPlan(target)).setInputs(literals).build())).getId();
  }

  /** {@code project:domain:name}, as flytectl and the console print execution ids. */
  public static WorkflowExecutionIdentifier parseId(String text) {
    String[] parts = text.split(":");
    if (parts.length != 3 || List.of(parts).stream().anyMatch(String::isBlank)) {
      throw new FlyteRemoteException("execution id '" + text + "' must be PROJECT:DOMAIN:NAME");
    }
    return WorkflowExecutionIdentifier.newBuilder().setProject(parts[0]).setDomain(parts[1]).setName(parts[2]).build();
  }

  public static String format(WorkflowExecutionIdentifier id) {
    return id.getProject() + ":" + id.getDomain() + ":" + id.getName();
  }

  /** The execution as FlyteAdmin has it now. */
  public Execution get(WorkflowExecutionIdentifier id) {
    return client.admin("GetExecution", a -> a.getExecution(WorkflowExecutionGetRequest.newBuilder().setId(id).build()));
  }

  /**
   * Polls until the execution ends or {@code timeout} passes, handing each poll's node executions to
   * {@code progress}; a failed execution is an error carrying FlyteAdmin's error message.
   */
  public Execution await(WorkflowExecutionIdentifier id, Duration timeout, Consumer<List<NodeExecution>> progress) {
    long end = System.nanoTime() + timeout.toNanos();
    WorkflowExecutionGetRequest get = WorkflowExecutionGetRequest.newBuilder().setId(id).build();
    while (true) {
      Execution e = client.admin("GetExecution", a -> a.getExecution(get));
      progress.accept(client.admin("ListNodeExecutions", a -> a.listNodeExecutions(NodeExecutionListRequest
          .newBuilder().setWorkflowExecutionId(id).setLimit(1000).build())).getNodeExecutionsList());
      WorkflowExecution.Phase phase = e.getClosure().getPhase();
      switch (phase) {
        case SUCCEEDED:
          return e;
        case FAILED:
        case TIMED_OUT:
          throw new FlyteRemoteException("execution " + format(id) + " " + phase + ": "
              + e.getClosure().getError().getMessage());
        case ABORTED:
          throw new FlyteRemoteException("execution " + format(id) + " was aborted: "
              + e.getClosure().getAbortMetadata().getCause());
        default:
          break;
      }
      if (System.nanoTime() > end) {
        throw new FlyteRemoteException("execution " + format(id) + " is still " + phase + " after "
            + timeout.toSeconds() + "s; fetch it later with %flyte fetch " + format(id));
      }
      try {
        Thread.sleep(POLL.toMillis());
      } catch (InterruptedException ie) {
        Thread.currentThread().interrupt();
        throw new FlyteRemoteException("interrupted while waiting for " + format(id));
      }
    }
  }

  /** The outputs of a finished execution as Java values, typed by the launch plan's (or task's) interface. */
  public Map<String, Object> outputs(Execution execution) {
    Map<String, Variable> types = outputTypes(execution.getSpec().getLaunchPlan());
    LiteralMap outputs = outputLiterals(execution);
    Map<String, Object> values = new LinkedHashMap<>();
    for (Map.Entry<String, Literal> e : new java.util.TreeMap<>(outputs.getLiteralsMap()).entrySet()) {
      Variable v = types.get(e.getKey());
      if (v == null) {
        throw new FlyteRemoteException("output '" + e.getKey() + "' of " + format(execution.getId())
            + " is not in its interface");
      }
      values.put(e.getKey(), engine.toJava(e.getValue(), engine.guessJavaType(v.getType())));
    }
    return values;
  }

  /** The outputs of a finished execution as FlyteAdmin serves them. */
  public LiteralMap outputLiterals(Execution execution) {
    return client.admin("GetExecutionData", a -> a.getExecutionData(
        WorkflowExecutionGetDataRequest.newBuilder().setId(execution.getId()).build())).getFullOutputs();
  }

  private Map<String, Variable> outputTypes(Identifier target) {
    ObjectGetRequest get = ObjectGetRequest.newBuilder().setId(target).build();
    if (target.getResourceType() == ResourceType.TASK) {
      return client.admin("GetTask", a -> a.getTask(get)).getClosure().getCompiledTask().getTemplate()
          .getInterface().getOutputs().getVariablesMap();
    }
    return client.admin("GetLaunchPlan", a -> a.getLaunchPlan(get)).getClosure().getExpectedOutputs()
        .getVariablesMap();
  }
}
