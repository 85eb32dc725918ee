package dev.flytejava.testkit.admin;

import dev.flytejava.runtime.storage.ObjectNotFoundException;
import dev.flytejava.runtime.storage.Storage;
import dev.flytejava.runtime.storage.StorageException;
import dev.flytejava.runtime.storage.StorageUri;
import flyteidl.admin.Common.ResourceListRequest;
import flyteidl.admin.Common.UrlBlob;
import flyteidl.admin.ExecutionOuterClass.Execution;
import flyteidl.admin.ExecutionOuterClass.ExecutionClosure;
import flyteidl.admin.ExecutionOuterClass.ExecutionCreateRequest;
import flyteidl.admin.ExecutionOuterClass.ExecutionCreateResponse;
import flyteidl.admin.ExecutionOuterClass.ExecutionList;
import flyteidl.admin.ExecutionOuterClass.ExecutionSpec;
import flyteidl.admin.ExecutionOuterClass.ExecutionTerminateRequest;
import flyteidl.admin.ExecutionOuterClass.ExecutionTerminateResponse;
import flyteidl.admin.ExecutionOuterClass.WorkflowExecutionGetDataResponse;
import flyteidl.admin.LaunchPlanOuterClass.LaunchPlan;
import flyteidl.admin.NodeExecutionOuterClass.NodeExecution;
import flyteidl.admin.NodeExecutionOuterClass.NodeExecutionGetDataResponse;
import flyteidl.admin.NodeExecutionOuterClass.NodeExecutionList;
import flyteidl.admin.NodeExecutionOuterClass.NodeExecutionListRequest;
import flyteidl.admin.TaskExecutionOuterClass.TaskExecution;
import flyteidl.admin.TaskExecutionOuterClass.TaskExecutionList;
import flyteidl.admin.TaskExecutionOuterClass.TaskExecutionListRequest;
import flyteidl.admin.WorkflowOuterClass.Workflow;
import flyteidl.core.Execution.WorkflowExecution;
import flyteidl.core.IdentifierOuterClass.Identifier;
import flyteidl.core.IdentifierOuterClass.NodeExecutionIdentifier;
import flyteidl.core.IdentifierOuterClass.ResourceType;
import flyteidl.core.IdentifierOuterClass.WorkflowExecutionIdentifier;
import flyteidl.core.Interface.Parameter;
import flyteidl.core.Literals.Literal;
import flyteidl.core.Literals.LiteralMap;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * FlyteAdmin's execution calls (execution_manager.go): CreateExecution resolves the launch plan, checks the
 * inputs against it (unknown, missing, of the wrong type, overriding a fixed one: INVALID_ARGUMENT), merges them
 * with its defaults and fixed inputs, writes {@code inputs.pb} under the execution's metadata prefix and hands
 * the compiled workflow to the {@link ExecutionLauncher}; the rest serve {@link ExecutionRecords}.
 */
final class Executions implements ExecutionCalls {
  private static final String NAME_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

  private final Entities entities;
  private final Projects projects;
  private final Storage storage;
  private final StorageUri root;
  private final ExecutionLauncher launcher;
  private final ExecutionRecords records = new ExecutionRecords();
  private final Map<WorkflowExecutionIdentifier, ExecutionLauncher.Launched> running = new ConcurrentHashMap<>();
  private final SecureRandom random = new SecureRandom();

  Executions(Entities entities, Projects projects, Storage storage, StorageUri root, ExecutionLauncher launcher) {
    this.entities = entities;
    this.projects = projects;
    this.storage = storage;
    this.root = root;
    this.launcher = launcher;
  }

  @Override
  public ExecutionCreateResponse create(ExecutionCreateRequest request) {
    Ids.require(request.getProject(), "project");
    Ids.require(request.getDomain(), "domain");
    projects.validate(request.getProject(), request.getDomain());
    if (!request.hasSpec()) {
      throw AdminErrors.missing("spec");
    }
    ExecutionSpec spec = request.getSpec();
    Identifier lpId = spec.getLaunchPlan();
    if (!spec.hasLaunchPlan()) {
      throw AdminErrors.missing("launch_plan");
    }
    LaunchPlan plan;
    if (lpId.getResourceType() == ResourceType.TASK) {
      Ids.validate(lpId, true, ResourceType.TASK);
      plan = SingleTaskLaunchPlans.forTask(entities, lpId);
    } else {
      Ids.validate(lpId, true, ResourceType.LAUNCH_PLAN);
      plan = Entities.get(entities.launchPlans, lpId, "LAUNCH_PLAN");
    }
    Workflow workflow = Entities.get(entities.workflows, plan.getSpec().getWorkflowId(), "WORKFLOW");
    LiteralMap inputs = mergedInputs(plan, request.getInputs().getLiteralsCount() > 0 ? request.getInputs()
        : spec.getInputs());

    WorkflowExecutionIdentifier id = WorkflowExecutionIdentifier.newBuilder().setProject(request.getProject())
        .setDomain(request.getDomain()).setName(request.getName().isEmpty() ? newName() : request.getName()).build();
    if (records.execution(id).isPresent()) {
      throw AdminErrors.alreadyExists("execution with id [%s] already exists", Ids.describe(id));
    }
    StorageUri metadata = root.resolve("metadata/" + id.getProject() + "/" + id.getDomain() + "/" + id.getName());
    String rawPrefix = !spec.getRawOutputDataConfig().getOutputLocationPrefix().isEmpty()
        ? spec.getRawOutputDataConfig().getOutputLocationPrefix()
        : !plan.getSpec().getRawOutputDataConfig().getOutputLocationPrefix().isEmpty()
            ? plan.getSpec().getRawOutputDataConfig().getOutputLocationPrefix()
            : root.resolve("raw/" + id.getProject() + "/" + id.getDomain() + "/" + id.getName()).toString();
    StorageUri inputsUri = metadata.resolve("inputs.pb");
    try {
      storage.write(inputsUri, inputs.toByteArray());
    } catch (StorageException e) {
      throw io.grpc.Status.INTERNAL.withDescription("failed to write the execution's inputs to " + inputsUri + ": "
          + e.getMessage()).asRuntimeException();
    }
    Execution execution = Execution.newBuilder().setId(id)
        .setSpec(spec.toBuilder().clearInputs().setLaunchPlan(plan.getId()))
        .setClosure(ExecutionClosure.newBuilder().setPhase(WorkflowExecution.Phase.UNDEFINED)
            .setCreatedAt(Entities.now()).setUpdatedAt(Entities.now()).setWorkflowId(workflow.getId())
            .setComputedInputs(inputs))
        .build();
    records.created(execution);
    running.put(id, launcher.launch(new ExecutionLauncher.Launch(id, workflow.getClosure().getCompiledWorkflow(),
        inputs, metadata.toString(), rawPrefix, this::target), records));
    return ExecutionCreateResponse.newBuilder().setId(id).build();
  }

  private java.util.Optional<ExecutionLauncher.Target> target(Identifier launchPlan) {
    return entities.launchPlans.get(launchPlan).flatMap(lp -> entities.workflows.get(lp.getSpec().getWorkflowId())
        .map(wf -> new ExecutionLauncher.Target(lp, wf.getClosure().getCompiledWorkflow())));
  }

  /** CheckAndFetchInputsForExecution: the launch plan's defaults, then the caller's inputs, then the fixed ones. */
  static LiteralMap mergedInputs(LaunchPlan plan, LiteralMap given) {
    Map<String, Parameter> expected = plan.getClosure().getExpectedInputs().getParametersMap();
    Map<String, Literal> fixed = plan.getSpec().getFixedInputs().getLiteralsMap();
    LiteralMap.Builder merged = LiteralMap.newBuilder();
    for (Map.Entry<String, Literal> e : given.getLiteralsMap().entrySet()) {
      if (fixed.containsKey(e.getKey())) {
        throw AdminErrors.invalidArgument("%s cannot be overridden: it is a fixed input of launch plan [%s]",
            e.getKey(), plan.getId().getName());
      }
      Parameter p = expected.get(e.getKey());
      if (p == null) {
        throw AdminErrors.invalidArgument("invalid input %s: launch plan [%s] takes %s", e.getKey(),
            plan.getId().getName(), expected.keySet());
      }
      LaunchPlanValidator.checkValue("inputs", e.getKey(), e.getValue(), p.getVar().getType());
      merged.putLiterals(e.getKey(), e.getValue());
    }
    for (Map.Entry<String, Parameter> e : expected.entrySet()) {
      if (merged.containsLiterals(e.getKey())) {
        continue;
      }
      if (e.getValue().hasDefault()) {
        merged.putLiterals(e.getKey(), e.getValue().getDefault());
      } else if (e.getValue().getRequired()) {
        throw AdminErrors.invalidArgument("invalid input %s: missing, and launch plan [%s] has no default for it",
            e.getKey(), plan.getId().getName());
      }
    }
    merged.putAllLiterals(fixed);
    return merged.build();
  }

  private String newName() {
    StringBuilder name = new StringBuilder("a");
    for (int i = 0; i < 19; i++) {
      name.append(NAME_ALPHABET.charAt(random.nextInt(NAME_ALPHABET.length())));
    }
    return name.toString();
  }

  @Override
  public Execution get(WorkflowExecutionIdentifier id) {
    Ids.validate(id);
    return records.execution(id).orElseThrow(() -> AdminErrors.notFound(
        "missing entity of type execution with identifier [%s]", Ids.describe(id)));
  }

  @Override
  public ExecutionList list(ResourceListRequest request) {
    Ids.require(request.getId().getProject(), "project");
    Ids.require(request.getId().getDomain(), "domain");
    List<Execution> rows = records.executions().stream()
        .filter(e -> e.getId().getProject().equals(request.getId().getProject())
            && e.getId().getDomain().equals(request.getId().getDomain()))
        .toList();
    rows = ListFilters.parse(request.getFilters()).apply(rows, e -> Map.of("project", e.getId().getProject(),
        "domain", e.getId().getDomain(), "name", e.getId().getName(), "phase", e.getClosure().getPhase().name(),
        "version", e.getSpec().getLaunchPlan().getVersion()));
    Pages<Execution> page = Pages.of(rows, request.getLimit(), request.getToken());
    return ExecutionList.newBuilder().addAllExecutions(page.rows()).setToken(page.nextToken()).build();
  }

  @Override
  public WorkflowExecutionGetDataResponse data(WorkflowExecutionIdentifier id) {
    Execution execution = get(id);
    StorageUri inputs = root.resolve("metadata/" + id.getProject() + "/" + id.getDomain() + "/" + id.getName()
        + "/inputs.pb");
    WorkflowExecutionGetDataResponse.Builder out = WorkflowExecutionGetDataResponse.newBuilder()
        .setInputs(UrlBlob.newBuilder().setUrl(inputs.toString())).setFullInputs(read(inputs.toString()));
    String outputs = execution.getClosure().getOutputs().getUri();
    if (!outputs.isEmpty()) {
      out.setOutputs(UrlBlob.newBuilder().setUrl(outputs)).setFullOutputs(read(outputs));
    }
    return out.build();
  }

  @Override
  public ExecutionTerminateResponse terminate(ExecutionTerminateRequest request) {
    Execution execution = get(request.getId());
    if (ExecutionRecords.terminal(execution.getClosure().getPhase())) {
      throw AdminErrors.failedPrecondition("Cannot abort an already terminated workflow execution [%s] in phase %s",
          Ids.describe(request.getId()), execution.getClosure().getPhase());
    }
    records.aborting(execution.getId(), request.getCause(), "testkit");
    ExecutionLauncher.Launched launched = running.get(execution.getId());
    if (launched != null) {
      launched.abort(request.getCause());
    }
    return ExecutionTerminateResponse.getDefaultInstance();
  }

  @Override
  public NodeExecutionList listNodes(NodeExecutionListRequest request) {
    WorkflowExecutionIdentifier id = request.getWorkflowExecutionId();
    get(id);
    List<NodeExecution> rows = records.nodes(id, request.getUniqueParentId());
    rows = ListFilters.parse(request.getFilters()).apply(rows, n -> Map.of("node_id", n.getId().getNodeId(),
        "phase", n.getClosure().getPhase().name()));
    Pages<NodeExecution> page = Pages.of(rows, request.getLimit(), request.getToken());
    return NodeExecutionList.newBuilder().addAllNodeExecutions(page.rows()).setToken(page.nextToken()).build();
  }

  @Override
  public NodeExecution node(NodeExecutionIdentifier id) {
    Ids.require(id.getNodeId(), "node_id");
    get(id.getExecutionId());
    return records.node(id).orElseThrow(() -> AdminErrors.notFound(
        "missing entity of type node execution with identifier [node_id:\"%s\" execution_id:{%s}]", id.getNodeId(),
        Ids.describe(id.getExecutionId())));
  }

  @Override
  public NodeExecutionGetDataResponse nodeData(NodeExecutionIdentifier id) {
    NodeExecution node = node(id);
    NodeExecutionGetDataResponse.Builder out = NodeExecutionGetDataResponse.newBuilder();
    if (!node.getInputUri().isEmpty()) {
      out.setInputs(UrlBlob.newBuilder().setUrl(node.getInputUri())).setFullInputs(read(node.getInputUri()));
    }
    String outputs = node.getClosure().getOutputUri();
    if (!outputs.isEmpty()) {
      out.setOutputs(UrlBlob.newBuilder().setUrl(outputs)).setFullOutputs(read(outputs));
    }
    return out.build();
  }

  @Override
  public TaskExecutionList listTasks(TaskExecutionListRequest request) {
    node(request.getNodeExecutionId());
    List<TaskExecution> rows = records.tasks(request.getNodeExecutionId());
    Pages<TaskExecution> page = Pages.of(rows, request.getLimit(), request.getToken());
    return TaskExecutionList.newBuilder().addAllTaskExecutions(page.rows()).setToken(page.nextToken()).build();
  }

  @Override
  public TaskExecution task(flyteidl.core.IdentifierOuterClass.TaskExecutionIdentifier id) {
    node(id.getNodeExecutionId());
    return records.task(id).orElseThrow(() -> AdminErrors.notFound(
        "missing entity of type task execution with identifier [task %s, node %s, attempt %d]",
        Ids.describe(id.getTaskId()), id.getNodeExecutionId().getNodeId(), id.getRetryAttempt()));
  }

  @Override
  public flyteidl.admin.TaskExecutionOuterClass.TaskExecutionGetDataResponse taskData(
      flyteidl.core.IdentifierOuterClass.TaskExecutionIdentifier id) {
    TaskExecution task = task(id);
    var out = flyteidl.admin.TaskExecutionOuterClass.TaskExecutionGetDataResponse.newBuilder();
    if (!task.getInputUri().isEmpty()) {
      out.setInputs(UrlBlob.newBuilder().setUrl(task.getInputUri())).setFullInputs(read(task.getInputUri()));
    }
    if (!task.getClosure().getOutputUri().isEmpty()) {
      out.setOutputs(UrlBlob.newBuilder().setUrl(task.getClosure().getOutputUri()))
          .setFullOutputs(read(task.getClosure().getOutputUri()));
    }
    return out.build();
  }

  /** A LiteralMap from storage; none yet (or an empty node output) reads as empty, as FlyteAdmin answers. */
  private LiteralMap read(String uri) {
    try {
      return LiteralMap.parseFrom(storage.read(StorageUri.parse(uri)));
    } catch (ObjectNotFoundException e) {
      return LiteralMap.getDefaultInstance();
    } catch (StorageException | com.google.protobuf.InvalidProtocolBufferException e) {
      throw io.grpc.Status.INTERNAL.withDescription("failed to read " + uri + ": " + e.getMessage())
          .asRuntimeException();
    }
  }
}
