package dev.flytejava.testkit.admin;

import dev.flytejava.testkit.admin.ExecutionLauncher.Events;
import dev.flytejava.testkit.admin.ExecutionLauncher.Launch;
import com.google.protobuf.Timestamp;
import com.google.protobuf.util.Timestamps;
import dev.flytejava.runtime.plugins.TaskTypePlugin;
import dev.flytejava.runtime.plugins.TaskTypePlugins;
import dev.flytejava.runtime.storage.ObjectNotFoundException;
import dev.flytejava.runtime.storage.Storage;
import dev.flytejava.runtime.storage.StorageException;
import dev.flytejava.runtime.storage.StorageUri;
import flyteidl.core.Compiler.CompiledWorkflow;
import flyteidl.core.Errors.ErrorDocument;
import flyteidl.core.Execution.ExecutionError;
import flyteidl.core.Execution.NodeExecution;
import flyteidl.core.Execution.TaskExecution;
import flyteidl.core.Execution.WorkflowExecution;
import flyteidl.core.IdentifierOuterClass.NodeExecutionIdentifier;
import flyteidl.core.Literals.Binding;
import flyteidl.core.Literals.BindingData;
import flyteidl.core.Literals.Literal;
import flyteidl.core.Literals.LiteralCollection;
import flyteidl.core.Literals.LiteralMap;
import flyteidl.core.Tasks.Container;
import flyteidl.core.Tasks.TaskTemplate;
import flyteidl.core.Workflow.ArrayNode;
import flyteidl.core.Workflow.IfBlock;
import flyteidl.core.Workflow.IfElseBlock;
import flyteidl.core.Workflow.Node;
import flyteidl.event.Event.NodeExecutionEvent;
import flyteidl.event.Event.TaskExecutionEvent;
import flyteidl.event.Event.WorkflowExecutionEvent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One execution as {@link ProcessLauncher} runs it, on a thread of its own: its nodes in dependency order, each as
 * propeller would run it (see {@link ProcessLauncher}), and propeller's events as they happen. {@link #abort} stops it
 * and its task processes.
 */
final class ExecutionRun {
  private static final Pattern TEMPLATE = Pattern.compile("\\{\\{\\s*\\.(\\w+)\\s*\\}\\}");

  private final Storage storage;
  private final Path binDirectory;
  private final Path workDirectory;
  private final Duration taskTimeout;
  private final Launch launch;
  private final Events events;
  private final Map<String, TaskTemplate> tasks = new HashMap<>();
  private final Map<String, CompiledWorkflow> subworkflows = new HashMap<>();
  private volatile Process current;
  private volatile String abortCause;
  private Thread agentCall; // guarded by this: the thread in an agent's polling loop, interrupted by an abort

  ExecutionRun(Launch launch, Events events, Storage storage, Path binDirectory, Path workDirectory,
      Duration taskTimeout) {
    this.storage = storage;
    this.binDirectory = binDirectory;
    this.workDirectory = workDirectory;
    this.taskTimeout = taskTimeout;
    this.launch = launch;
    this.events = events;
  }

  void abort(String cause) {
    abortCause = cause == null || cause.isEmpty() ? "aborted" : cause;
    Process p = current;
    if (p != null) {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
    }
    synchronized (this) {
      if (agentCall != null) {
        agentCall.interrupt();
      }
    }
  }

  void execute() {
    workflow(WorkflowExecution.Phase.QUEUED, null, null);
    workflow(WorkflowExecution.Phase.RUNNING, null, null);
    launch.closure().getTasksList().forEach(t -> tasks.put(Ids.key(t.getTemplate().getId()).toString(),
        t.getTemplate()));
    launch.closure().getSubWorkflowsList().forEach(w -> subworkflows.put(Ids.key(w.getTemplate().getId())
        .toString(), w));
    try {
      LiteralMap result = runWorkflow(launch.closure().getPrimary(), launch.inputs(), null);
      StorageUri out = StorageUri.parse(launch.metadataPrefix()).resolve("outputs.pb");
      storage.write(out, result.toByteArray());
      workflow(WorkflowExecution.Phase.SUCCEEDED, out.toString(), null);
    } catch (NodeFailure f) {
      if (abortCause != null) {
        workflow(WorkflowExecution.Phase.ABORTED, null, null);
      } else {
        workflow(WorkflowExecution.Phase.FAILED, null, f.error);
      }
    } catch (StorageException | RuntimeException e) {
      workflow(WorkflowExecution.Phase.FAILED, null, error("SystemError", String.valueOf(e),
          ExecutionError.ErrorKind.SYSTEM));
    }
  }

  /** A workflow's nodes in dependency order; {@code parent} is the node running it as a subworkflow, or null. */
  private LiteralMap runWorkflow(CompiledWorkflow wf, LiteralMap inputs, String parent) throws StorageException {
    Map<String, LiteralMap> scope = new HashMap<>();
    scope.put(WorkflowCompiler.START, inputs);
    for (Node node : order(wf)) {
      if (abortCause != null) {
        throw new NodeFailure(node.getId(), error("Aborted", abortCause, ExecutionError.ErrorKind.USER));
      }
      scope.put(node.getId(), runNode(node, scope, parent));
    }
    return resolve(wf.getTemplate().getOutputsList(), scope);
  }

  /**
   * One node's outputs. A node inside another (a branch's chosen node, a subworkflow's nodes) is reported as
   * propeller reports it: its id is {@code <parent>-<attempt>-<node>} and its parent is named in its events.
   */
  private LiteralMap runNode(Node node, Map<String, LiteralMap> scope, String parent) throws StorageException {
    String id = parent == null ? node.getId() : parent + "-0-" + node.getId();
    LiteralMap inputs = resolve(node.getInputsList(), scope);
    NodeSite site = new NodeSite(id, node.getId(), parent);
    switch (node.getTargetCase()) {
      case TASK_NODE:
        return runTask(site, task(node.getId(), node.getTaskNode().getReferenceId()), inputs, true);
      case BRANCH_NODE:
        return parentNode(site, inputs, NodeKind.PARENT, () -> runNode(chosenArm(node, inputs), scope, id));
      case ARRAY_NODE:
        return parentNode(site, inputs, NodeKind.ARRAY, () -> runArray(site, node.getArrayNode(), inputs));
      case WORKFLOW_NODE:
        if (node.getWorkflowNode().hasSubWorkflowRef()) {
          CompiledWorkflow sub = subworkflows.get(Ids.key(node.getWorkflowNode().getSubWorkflowRef()).toString());
          if (sub == null) {
            throw new NodeFailure(id, error("SubworkflowNotFound", "node " + node.getId() + " runs subworkflow "
                + node.getWorkflowNode().getSubWorkflowRef().getName() + ", which is not in the closure",
                ExecutionError.ErrorKind.SYSTEM));
          }
          return parentNode(site, inputs, NodeKind.PARENT, () -> runWorkflow(sub, inputs, id));
        }
        if (node.getWorkflowNode().hasLaunchplanRef()) {
          return runLaunchPlan(site, node.getWorkflowNode().getLaunchplanRef(), inputs);
        }
        break;
      default:
        break;
    }
    throw new NodeFailure(id, error("UnsupportedNode", "node " + node.getId() + " is a "
        + node.getTargetCase().name().toLowerCase()
        + ": the testkit runs task, branch, map (array), subworkflow and launch plan nodes", ExecutionError.ErrorKind.SYSTEM));
  }

  /**
   * A launch plan node: the registered launch plan's workflow on the node's inputs over the plan's defaults, with its
   * fixed inputs on top. It runs inside this execution, its nodes reported as the node's children (propeller starts
   * a child execution instead; what runs and what comes out are the same).
   */
  private LiteralMap runLaunchPlan(NodeSite site, flyteidl.core.IdentifierOuterClass.Identifier ref, LiteralMap inputs)
      throws StorageException {
    ExecutionLauncher.Target target = launch.launchPlans().apply(ref).orElseThrow(() -> new NodeFailure(site.id(),
        error("LaunchPlanNotFound", "node " + site.specId() + " runs launch plan " + ref.getName() + " version "
            + ref.getVersion() + ", which is not registered", ExecutionError.ErrorKind.SYSTEM)));
    LiteralMap.Builder merged = LiteralMap.newBuilder();
    target.launchPlan().getSpec().getDefaultInputs().getParametersMap().forEach((name, p) -> {
      if (p.hasDefault()) merged.putLiterals(name, p.getDefault());
    });
    merged.putAllLiterals(inputs.getLiteralsMap());
    merged.putAllLiterals(target.launchPlan().getSpec().getFixedInputs().getLiteralsMap());
    target.closure().getTasksList().forEach(t -> tasks.putIfAbsent(Ids.key(t.getTemplate().getId()).toString(),
        t.getTemplate()));
    target.closure().getSubWorkflowsList().forEach(w -> subworkflows.putIfAbsent(Ids.key(w.getTemplate().getId())
        .toString(), w));
    LiteralMap all = merged.build();
    return parentNode(site, inputs, NodeKind.PARENT, () -> runWorkflow(target.closure().getPrimary(), all, site.id()));
  }

  /** The node a branch runs: the first case whose condition holds, else the else node, else its error. */
  private Node chosenArm(Node branch, LiteralMap inputs) {
    IfElseBlock ifElse = branch.getBranchNode().getIfElse();
    List<IfBlock> cases = new ArrayList<>();
    cases.add(ifElse.getCase());
    cases.addAll(ifElse.getOtherList());
    try {
      for (IfBlock c : cases) {
        if (BranchConditions.evaluate(c.getCondition(), inputs)) {
          return c.getThenNode();
        }
      }
    } catch (IllegalArgumentException e) {
      throw new NodeFailure(branch.getId(), error("BranchConditionFailed", "branch " + branch.getId() + ": "
          + e.getMessage(), ExecutionError.ErrorKind.USER));
    }
    if (ifElse.hasElseNode()) {
      return ifElse.getElseNode();
    }
    throw new NodeFailure(branch.getId(), error("BranchNoCaseMatched", ifElse.getError().getMessage(),
        ExecutionError.ErrorKind.USER));
  }

  /**
   * An array (map) node as propeller's array handler runs it: its task once per element, each input a list taken
   * element by element unless it is a bound input, the outputs gathered into lists (none for a failed element
   * when the minimum successes allow it). Elements run one after another, within any parallelism.
   */
  private LiteralMap runArray(NodeSite site, ArrayNode array, LiteralMap inputs) throws StorageException {
    Node sub = array.getNode();
    if (!sub.hasTaskNode()) {
      throw new NodeFailure(site.id(), error("UnsupportedNode", "map node " + site.specId() + " maps a "
          + sub.getTargetCase().name().toLowerCase() + "; the testkit maps tasks", ExecutionError.ErrorKind.SYSTEM));
    }
    TaskTemplate task = task(site.id(), sub.getTaskNode().getReferenceId());
    java.util.Set<String> bound = new java.util.HashSet<>(array.getBoundInputsList());
    int size = -1;
    String sizedBy = null;
    for (var in : inputs.getLiteralsMap().entrySet()) {
      if (bound.contains(in.getKey()) || !in.getValue().hasCollection()) {
        continue;
      }
      int n = in.getValue().getCollection().getLiteralsCount();
      if (size >= 0 && n != size) {
        throw new NodeFailure(site.id(), error("MapInputsDiffer", "map node " + site.specId() + ": input "
            + in.getKey() + " has " + n + " elements but " + sizedBy + " has " + size, ExecutionError.ErrorKind.USER));
      }
      size = n;
      sizedBy = in.getKey();
    }
    if (size < 0) {
      throw new NodeFailure(site.id(), error("MapNoList", "map node " + site.specId() + " has no list input to map"
          + " over; inputs: " + inputs.getLiteralsMap().keySet(), ExecutionError.ErrorKind.USER));
    }
    List<LiteralMap> results = new ArrayList<>();
    ExecutionError firstFailure = null;
    for (int i = 0; i < size; i++) {
      LiteralMap.Builder element = LiteralMap.newBuilder();
      for (var in : inputs.getLiteralsMap().entrySet()) {
        boolean mapped = !bound.contains(in.getKey()) && in.getValue().hasCollection();
        element.putLiterals(in.getKey(), mapped ? in.getValue().getCollection().getLiterals(i) : in.getValue());
      }
      try {
        results.add(runTask(new NodeSite(site.id() + "-" + i, site.specId(), site.id()), task, element.build(), false));
      } catch (NodeFailure f) {
        if (abortCause != null) {
          throw f;
        }
        results.add(null);
        firstFailure = firstFailure == null ? f.error : firstFailure;
      }
    }
    long failed = results.stream().filter(r -> r == null).count();
    long needed = array.hasMinSuccesses() ? array.getMinSuccesses()
        : (long) Math.ceil(array.getMinSuccessRatio() * size);
    if (size - failed < needed) {
      throw new NodeFailure(site.id(), error("MapElementsFailed", "map node " + site.specId() + ": " + failed + " of "
          + size + " elements failed and " + needed + " had to succeed; the first failure: "
          + firstFailure.getMessage(), firstFailure.getKind()));
    }
    LiteralMap.Builder out = LiteralMap.newBuilder();
    Literal none = Literal.newBuilder().setScalar(flyteidl.core.Literals.Scalar.newBuilder()
        .setNoneType(flyteidl.core.Literals.Void.getDefaultInstance())).build();
    for (String var : task.getInterface().getOutputs().getVariablesMap().keySet()) {
      LiteralCollection.Builder list = LiteralCollection.newBuilder();
      results.forEach(r -> list.addLiterals(r == null ? none : r.getLiteralsOrThrow(var)));
      out.putLiterals(var, Literal.newBuilder().setCollection(list).build());
    }
    return out.build();
  }

  /** A node that runs others (a branch, a map, a subworkflow): its own events around {@code body}'s outputs. */
  private LiteralMap parentNode(NodeSite site, LiteralMap inputs, NodeKind kind, NodeBody body)
      throws StorageException {
    StorageUri data = StorageUri.parse(launch.metadataPrefix()).resolve(site.id() + "/data");
    StorageUri in = data.resolve("inputs.pb");
    storage.write(in, inputs.toByteArray());
    nodeEvent(site, NodeExecution.Phase.QUEUED, in.toString(), null, null, kind);
    nodeEvent(site, NodeExecution.Phase.RUNNING, in.toString(), null, null, kind);
    LiteralMap outputs;
    try {
      outputs = body.run();
    } catch (NodeFailure f) {
      nodeEvent(site, abortCause != null ? NodeExecution.Phase.ABORTED : NodeExecution.Phase.FAILED, null, null,
          f.error, kind);
      throw f;
    }
    StorageUri out = data.resolve("0/outputs.pb");
    storage.write(out, outputs.toByteArray());
    nodeEvent(site, NodeExecution.Phase.SUCCEEDED, null, out.toString(), null, kind);
    return outputs;
  }

  private TaskTemplate task(String nodeId, flyteidl.core.IdentifierOuterClass.Identifier id) {
    TaskTemplate t = tasks.get(Ids.key(id).toString());
    if (t == null) {
      throw new NodeFailure(nodeId, error("TaskNotFound", "node " + nodeId + " runs task " + id.getName()
          + ", which is not in the closure", ExecutionError.ErrorKind.SYSTEM));
    }
    return t;
  }

  /** A task node, or one element of a map ({@code withEvents} false: propeller reports those in the map's). */
  private LiteralMap runTask(NodeSite site, TaskTemplate task, LiteralMap nodeInputs, boolean withEvents)
      throws StorageException {
    String nodeId = site.id();
    StorageUri data = StorageUri.parse(launch.metadataPrefix()).resolve(nodeId + "/data");
    StorageUri inputs = data.resolve("inputs.pb");
    StorageUri outputPrefix = data.resolve("0");
    String raw = launch.rawOutputPrefix() + "/" + nodeId + "/0";
    storage.write(inputs, nodeInputs.toByteArray());
    if (withEvents) {
      nodeEvent(site, NodeExecution.Phase.QUEUED, inputs.toString(), null, null, NodeKind.TASK);
      nodeEvent(site, NodeExecution.Phase.RUNNING, inputs.toString(), null, null, NodeKind.TASK);
      taskEvent(nodeId, task, inputs.toString(), TaskExecution.Phase.RUNNING, null, null);
    }
    StorageUri templateCopy = data.resolve("task.pb");
    storage.write(templateCopy, task.toByteArray());
    Map<String, String> values = Map.of("input", inputs.toString(), "inputprefix", data.toString(),
        "outputprefix", outputPrefix.toString(), "rawoutputdataprefix", raw,
        "checkpointoutputprefix", raw + "/_flytecheckpoints", "prevcheckpointprefix", "",
        "tasktemplatepath", templateCopy.toString());
    ExecutionError failure;
    if (!task.hasContainer() && !task.hasK8SPod()) {
      failure = agent(task, nodeInputs, outputPrefix);
    } else if (Copilot.handles(task)) {
      failure = copilot(nodeId, task, nodeInputs, values, outputPrefix);
    } else {
      Container container = PodContainers.primary(task);
      List<String> command = new ArrayList<>();
      container.getCommandList().forEach(c -> command.add(template(c, values)));
      container.getArgsList().forEach(a -> command.add(template(a, values)));
      failure = run(nodeId, command, task, container);
    }
    LiteralMap result = null;
    if (failure == null) {
      StorageUri out = outputPrefix.resolve("outputs.pb");
      try {
        result = LiteralMap.parseFrom(storage.read(out));
      } catch (ObjectNotFoundException e) {
        failure = readError(outputPrefix);
      } catch (com.google.protobuf.InvalidProtocolBufferException e) {
        failure = error("BadOutputs", out + " is not a LiteralMap: " + e.getMessage(), ExecutionError.ErrorKind.SYSTEM);
      }
      if (failure == null) {
        if (withEvents) {
          taskEvent(nodeId, task, inputs.toString(), TaskExecution.Phase.SUCCEEDED, out.toString(), null);
          nodeEvent(site, NodeExecution.Phase.SUCCEEDED, null, out.toString(), null, NodeKind.TASK);
        }
        return result;
      }
    }
    if (withEvents) {
      taskEvent(nodeId, task, inputs.toString(),
          abortCause != null ? TaskExecution.Phase.ABORTED : TaskExecution.Phase.FAILED, null, failure);
      nodeEvent(site, abortCause != null ? NodeExecution.Phase.ABORTED : NodeExecution.Phase.FAILED, null, null,
          failure, NodeKind.TASK);
    }
    throw new NodeFailure(nodeId, failure);
  }

  /** A raw container task: inputs as files, the command, then the output files as {@code outputs.pb}. */
  private ExecutionError copilot(String nodeId, TaskTemplate task, LiteralMap inputs, Map<String, String> values,
      StorageUri outputPrefix) throws StorageException {
    LiteralMap outputs;
    try {
      Copilot copilot = new Copilot(task, taskDirectory(nodeId));
      Map<String, String> text = copilot.download(inputs);
      List<String> command = new ArrayList<>();
      task.getContainer().getCommandList().forEach(c -> command.add(copilot.argument(template(c, values), text)));
      task.getContainer().getArgsList().forEach(a -> command.add(copilot.argument(template(a, values), text)));
      ExecutionError failure = run(nodeId, command, task, task.getContainer());
      if (failure != null) {
        return failure;
      }
      outputs = copilot.upload();
    } catch (IllegalArgumentException e) {
      return error("CopilotFailed", e.getMessage(), ExecutionError.ErrorKind.USER);
    } catch (IOException e) {
      return error("CopilotFailed", "task " + task.getId().getName() + ": the copilot's files: " + e,
          ExecutionError.ErrorKind.SYSTEM);
    }
    storage.write(outputPrefix.resolve("outputs.pb"), outputs.toByteArray());
    return null;
  }

  /** A task without a container: the agent of its type, polled in this thread until it ends or is aborted. */
  private ExecutionError agent(TaskTemplate task, LiteralMap inputs, StorageUri outputPrefix) throws StorageException {
    ClassLoader loader = ProcessLauncher.class.getClassLoader();
    var agents = TaskTypePlugins.agents(loader);
    String name = task.getId().getName();
    if (!agents.containsKey(task.getType())) {
      return error("NoAgent", "task " + name + " has no container and no agent here serves its type ["
          + task.getType() + "]; agents: " + agents.keySet(), ExecutionError.ErrorKind.SYSTEM);
    }
    TaskTypePlugin polling = TaskTypePlugins.find(task.getType(), loader).orElseThrow();
    LiteralMap outputs;
    synchronized (this) {
      agentCall = Thread.currentThread();
    }
    try {
      if (abortCause != null) {
        return error("Aborted", abortCause, ExecutionError.ErrorKind.USER);
      }
      outputs = polling.execute(task, inputs);
    } catch (InterruptedException e) {
      return error("Aborted", abortCause != null ? abortCause : "interrupted", ExecutionError.ErrorKind.USER);
    } catch (Exception e) {
      return error("AgentTaskFailed", "task " + name + " (" + task.getType() + "): " + e.getMessage(),
          ExecutionError.ErrorKind.USER);
    } finally {
      synchronized (this) {
        agentCall = null;
        Thread.interrupted(); // an abort's interrupt must not reach the storage writes that follow
      }
    }
    storage.write(outputPrefix.resolve("outputs.pb"), outputs.toByteArray());
    return null;
  }

  private Path taskDirectory(String nodeId) throws IOException {
    return Files.createDirectories(workDirectory.resolve(launch.id().getName()).resolve(nodeId));
  }

  private ExecutionError run(String nodeId, List<String> command, TaskTemplate task, Container container) {
    if (command.isEmpty()) {
      return error("NoCommand", "task " + task.getId().getName() + " has no container command or args",
          ExecutionError.ErrorKind.USER);
    }
    try {
      Path dir = taskDirectory(nodeId);
      Path log = dir.resolve("task.log");
      // ProcessBuilder looks programs up on this JVM's PATH, not the child's: the bin directory comes first
      Path inBin = binDirectory.resolve(command.get(0));
      if (!command.get(0).contains("/") && Files.isExecutable(inBin)) {
        command = new ArrayList<>(command);
        command.set(0, inBin.toString());
      }
      ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
          .redirectOutput(log.toFile());
      Map<String, String> env = pb.environment();
      env.put("PATH", binDirectory + java.io.File.pathSeparator + env.getOrDefault("PATH", ""));
      env.put("TMPDIR", dir.toString());
      env.put("HOME", dir.toString());
      env.put("FLYTE_INTERNAL_EXECUTION_ID", launch.id().getName());
      env.put("FLYTE_INTERNAL_EXECUTION_PROJECT", launch.id().getProject());
      env.put("FLYTE_INTERNAL_EXECUTION_DOMAIN", launch.id().getDomain());
      container.getEnvList().forEach(kv -> env.put(kv.getKey(), kv.getValue()));
      Process p = pb.start();
      current = p;
      if (abortCause != null) { // the abort came while the process was starting
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
      }
      if (!p.waitFor(taskTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly().waitFor();
        return error("Timeout", "task " + task.getId().getName() + " ran longer than " + taskTimeout,
            ExecutionError.ErrorKind.USER);
      }
      current = null;
      if (abortCause != null) {
        return error("Aborted", abortCause, ExecutionError.ErrorKind.USER);
      }
      if (p.exitValue() != 0) {
        String tail = Files.readString(log, StandardCharsets.UTF_8);
        tail = tail.length() > 2000 ? tail.substring(tail.length() - 2000) : tail;
        return error("ExitCode" + p.exitValue(), "task " + task.getId().getName() + " exited with "
            + p.exitValue() + ":\n" + tail, ExecutionError.ErrorKind.USER);
      }
      return null;
    } catch (IOException e) {
      return error("CannotStart", "cannot run " + command.get(0) + ": " + e.getMessage(),
          ExecutionError.ErrorKind.SYSTEM);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return error("Interrupted", "interrupted", ExecutionError.ErrorKind.SYSTEM);
    }
  }

  private ExecutionError readError(StorageUri outputPrefix) {
    StorageUri uri = outputPrefix.resolve("error.pb");
    try {
      var doc = ErrorDocument.parseFrom(storage.read(uri)).getError();
      return ExecutionError.newBuilder().setCode(doc.getCode()).setMessage(doc.getMessage())
          .setKind(doc.getOrigin()).setErrorUri(uri.toString()).build();
    } catch (StorageException | com.google.protobuf.InvalidProtocolBufferException e) {
      return error("OutputsNotFound", "the task wrote neither outputs.pb nor error.pb under " + outputPrefix,
          ExecutionError.ErrorKind.SYSTEM);
    }
  }

  private LiteralMap resolve(List<Binding> bindings, Map<String, LiteralMap> scope) {
    LiteralMap.Builder out = LiteralMap.newBuilder();
    for (Binding b : bindings) {
      out.putLiterals(b.getVar(), resolve(b.getBinding(), scope));
    }
    return out.build();
  }

  private Literal resolve(BindingData data, Map<String, LiteralMap> scope) {
    switch (data.getValueCase()) {
      case SCALAR:
        return Literal.newBuilder().setScalar(data.getScalar()).build();
      case COLLECTION: {
        LiteralCollection.Builder c = LiteralCollection.newBuilder();
        data.getCollection().getBindingsList().forEach(d -> c.addLiterals(resolve(d, scope)));
        return Literal.newBuilder().setCollection(c).build();
      }
      case MAP: {
        LiteralMap.Builder m = LiteralMap.newBuilder();
        data.getMap().getBindingsMap().forEach((k, d) -> m.putLiterals(k, resolve(d, scope)));
        return Literal.newBuilder().setMap(m).build();
      }
      case PROMISE: {
        var ref = data.getPromise();
        if (ref.getAttrPathCount() > 0) {
          throw new IllegalStateException("attribute paths in bindings need the execution engine");
        }
        LiteralMap from = scope.get(ref.getNodeId().isEmpty() ? WorkflowCompiler.START : ref.getNodeId());
        Literal value = from == null ? null : from.getLiteralsMap().get(ref.getVar());
        if (value == null) {
          throw new IllegalStateException("node " + ref.getNodeId() + " gave no output " + ref.getVar());
        }
        return value;
      }
      default:
        throw new IllegalStateException("binding " + data.getValueCase() + " needs the execution engine");
    }
  }

  private void workflow(WorkflowExecution.Phase phase, String outputUri, ExecutionError error) {
    WorkflowExecutionEvent.Builder e = WorkflowExecutionEvent.newBuilder().setExecutionId(launch.id())
        .setPhase(phase).setOccurredAt(now()).setProducerId("testkit");
    if (outputUri != null) {
      e.setOutputUri(outputUri);
    }
    if (error != null) {
      e.setError(error);
    }
    events.workflowEvent(e.build());
  }

  private void nodeEvent(NodeSite site, NodeExecution.Phase phase, String inputUri, String outputUri,
      ExecutionError error, NodeKind kind) {
    NodeExecutionEvent.Builder e = NodeExecutionEvent.newBuilder().setId(NodeExecutionIdentifier.newBuilder()
        .setExecutionId(launch.id()).setNodeId(site.id())).setPhase(phase).setOccurredAt(now())
        .setProducerId("testkit").setSpecNodeId(site.specId()).setNodeName(site.specId()).setIsArray(kind == NodeKind.ARRAY)
        .setIsParent(kind == NodeKind.PARENT);
    if (site.parent() != null) {
      e.setParentNodeMetadata(flyteidl.event.Event.ParentNodeExecutionMetadata.newBuilder().setNodeId(site.parent()));
    }
    if (inputUri != null) {
      e.setInputUri(inputUri);
    }
    if (outputUri != null) {
      e.setOutputUri(outputUri);
    }
    if (error != null) {
      e.setError(error);
    }
    events.nodeEvent(e.build());
  }

  private void taskEvent(String nodeId, TaskTemplate task, String inputUri, TaskExecution.Phase phase,
      String outputUri, ExecutionError error) {
    TaskExecutionEvent.Builder e = TaskExecutionEvent.newBuilder().setTaskId(task.getId())
        .setParentNodeExecutionId(NodeExecutionIdentifier.newBuilder().setExecutionId(launch.id())
            .setNodeId(nodeId))
        .setPhase(phase).setOccurredAt(now()).setProducerId("testkit").setTaskType(task.getType())
        .setInputUri(inputUri);
    if (outputUri != null) {
      e.setOutputUri(outputUri);
    }
    if (error != null) {
      e.setError(error);
    }
    events.taskEvent(e.build());
  }

  /** The nodes in an order where each comes after those it reads from (connections.upstream). */
  private static List<Node> order(CompiledWorkflow wf) {
    Map<String, Node> nodes = new LinkedHashMap<>();
    wf.getTemplate().getNodesList().forEach(n -> {
      if (!n.getId().equals(WorkflowCompiler.START) && !n.getId().equals(WorkflowCompiler.END)) {
        nodes.put(n.getId(), n);
      }
    });
    List<Node> out = new ArrayList<>();
    java.util.Set<String> done = new java.util.HashSet<>(List.of(WorkflowCompiler.START));
    while (out.size() < nodes.size()) {
      boolean progressed = false;
      for (Node n : nodes.values()) {
        if (done.contains(n.getId())) {
          continue;
        }
        var ups = wf.getConnections().getUpstreamMap().get(n.getId());
        if (ups == null || done.containsAll(ups.getIdsList())) {
          out.add(n);
          done.add(n.getId());
          progressed = true;
        }
      }
      if (!progressed) {
        throw new IllegalStateException("the compiled workflow has a cycle");
      }
    }
    return out;
  }

  private static String template(String arg, Map<String, String> values) {
    Matcher m = TEMPLATE.matcher(arg);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String v = values.get(m.group(1).toLowerCase());
      m.appendReplacement(out, Matcher.quoteReplacement(v != null ? v : m.group()));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static ExecutionError error(String code, String message, ExecutionError.ErrorKind kind) {
    return ExecutionError.newBuilder().setCode(code).setMessage(message).setKind(kind).build();
  }

  private static Timestamp now() {
    return Timestamps.fromMillis(System.currentTimeMillis());
  }

  /** Where a node runs: its execution id, its id in the workflow spec, and the node it runs inside (or null). */
  private record NodeSite(String id, String specId, String parent) {}

  /** A branch or subworkflow node is a parent (its children's events name it); a map's elements are in its own. */
  private enum NodeKind { TASK, ARRAY, PARENT }

  @FunctionalInterface
  private interface NodeBody {
    LiteralMap run() throws StorageException;
  }

  private static final class NodeFailure extends RuntimeException {
    final transient ExecutionError error;

    NodeFailure(String node, ExecutionError error) {
      super(node + ": " + error.getMessage());
      this.error = error;
    }
  }
}
