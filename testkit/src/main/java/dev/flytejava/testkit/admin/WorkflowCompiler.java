package dev.flytejava.testkit.admin;

import flyteidl.admin.LaunchPlanOuterClass.LaunchPlan;
import flyteidl.admin.WorkflowOuterClass.WorkflowSpec;
import flyteidl.core.Compiler.CompiledTask;
import flyteidl.core.Compiler.CompiledWorkflow;
import flyteidl.core.Compiler.CompiledWorkflowClosure;
import flyteidl.core.Compiler.ConnectionSet;
import flyteidl.core.IdentifierOuterClass.Identifier;
import flyteidl.core.Interface.TypedInterface;
import flyteidl.core.Interface.Variable;
import flyteidl.core.Interface.VariableMap;
import flyteidl.core.Literals.Binding;
import flyteidl.core.Literals.BindingData;
import flyteidl.core.Literals.Literal;
import flyteidl.core.Tasks.TaskTemplate;
import flyteidl.core.Types.LiteralType;
import flyteidl.core.Types.OutputReference;
import flyteidl.core.Workflow.ArrayNode;
import flyteidl.core.Workflow.BranchNode;
import flyteidl.core.Workflow.IfBlock;
import flyteidl.core.Workflow.Node;
import flyteidl.core.Workflow.WorkflowTemplate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * FlyteAdmin's workflow compilation (flytepropeller's compiler, as FlyteAdmin calls it on CreateWorkflow): a
 * {@code WorkflowSpec} and the registered tasks and launch plans it refers to become a
 * {@code CompiledWorkflowClosure} with start and end nodes, upstream and downstream connections and the tasks.
 * Checked on the way: duplicate node ids, references to nodes, variables, tasks, subworkflows and launch plans,
 * every input and workflow output bound, binding types ({@link TypeCompatibility}), cycles and unreachable nodes.
 */
final class WorkflowCompiler {
  static final String START = "start-node";
  static final String END = "end-node";

  /** The entities the workflow refers to that are not registered (FlyteAdmin answers NOT_FOUND for these). */
  static final class MissingReferenceException extends RuntimeException {
    MissingReferenceException(String message) {
      super(message);
    }
  }

  /** The compile errors, in propeller's "Collected Errors" form. */
  static final class CompileException extends RuntimeException {
    final List<CompileProblem> problems;

    CompileException(List<CompileProblem> problems) {
      super(format(problems));
      this.problems = List.copyOf(problems);
    }

    private static String format(List<CompileProblem> problems) {
      StringBuilder out = new StringBuilder("Collected Errors: ").append(problems.size());
      for (int i = 0; i < problems.size(); i++) {
        out.append("\n\tError ").append(i).append(": ").append(problems.get(i));
      }
      return out.toString();
    }
  }

  private final Function<Identifier, Optional<TaskTemplate>> tasks;
  private final Function<Identifier, Optional<LaunchPlan>> launchPlans;
  private final Map<Identifier, TaskTemplate> usedTasks = new LinkedHashMap<>();
  private final Map<Identifier, WorkflowTemplate> subWorkflows = new HashMap<>();
  private final List<CompileProblem> problems = new ArrayList<>();
  private final List<String> missing = new ArrayList<>();
  // the nodes inside branches: propeller lists their upstream (what their bindings read), never their downstream
  private Map<String, Set<String>> innerUpstream = new TreeMap<>();

  WorkflowCompiler(Function<Identifier, Optional<TaskTemplate>> tasks,
      Function<Identifier, Optional<LaunchPlan>> launchPlans) {
    this.tasks = tasks;
    this.launchPlans = launchPlans;
  }

  CompiledWorkflowClosure compile(WorkflowSpec spec) {
    for (WorkflowTemplate sub : spec.getSubWorkflowsList()) {
      subWorkflows.put(Ids.key(sub.getId()), sub);
    }
    CompiledWorkflow primary = compile(spec.getTemplate());
    List<CompiledWorkflow> subs = new ArrayList<>();
    for (WorkflowTemplate sub : spec.getSubWorkflowsList()) {
      subs.add(compile(sub));
    }
    if (!missing.isEmpty()) {
      throw new MissingReferenceException(String.join(", ", missing));
    }
    if (!problems.isEmpty()) {
      throw new CompileException(problems);
    }
    CompiledWorkflowClosure.Builder closure = CompiledWorkflowClosure.newBuilder().setPrimary(primary)
        .addAllSubWorkflows(subs);
    usedTasks.values().forEach(t -> closure.addTasks(CompiledTask.newBuilder().setTemplate(t)));
    return closure.build();
  }

  private CompiledWorkflow compile(WorkflowTemplate spec) {
    WorkflowTemplate wf = withBranchNodeIdsPrefixed(spec);
    Map<String, Node> nodes = new LinkedHashMap<>();
    for (Node node : wf.getNodesList()) {
      if (nodes.put(node.getId(), node) != null) {
        problem("DuplicateId", node.getId(), "Trying to insert two nodes with the same id.");
      }
    }
    if (nodes.isEmpty()) {
      problem("NoNodesFound", wf.getId().getName(), "Can't find any nodes in workflow [" + wf.getId().getName() + "].");
    }
    innerUpstream = new TreeMap<>();
    Map<String, TypedInterface> interfaces = new HashMap<>();
    interfaces.put("", TypedInterface.newBuilder().setOutputs(wf.getInterface().getInputs()).build());
    for (Node node : nodes.values()) {
      interfaces.put(node.getId(), interfaceOf(node));
    }
    Map<String, Set<String>> upstream = new TreeMap<>();
    for (Node node : nodes.values()) {
      Set<String> ups = new TreeSet<>();
      checkNode(node, interfaces.get(node.getId()), interfaces, ups, true);
      for (String explicit : node.getUpstreamNodeIdsList()) {
        if (!nodes.containsKey(explicit)) {
          problem("NodeReferenceNotFound", node.getId(), "Referenced node [" + explicit + "] not found.");
        } else {
          ups.add(explicit);
        }
      }
      upstream.put(node.getId(), ups);
    }
    Set<String> outputRefs = new TreeSet<>();
    checkBindings(wf.getId().getName(), wf.getOutputsList(), wf.getInterface().getOutputs(), interfaces,
        outputRefs, true);
    WorkflowTemplate compiledTemplate = withStartAndEnd(wf);
    Map<String, Set<String>> connectionsUp = new TreeMap<>();
    Map<String, Set<String>> connectionsDown = new TreeMap<>();
    Set<String> hasDownstream = new HashSet<>();
    for (Map.Entry<String, Set<String>> e : upstream.entrySet()) {
      Set<String> ups = new TreeSet<>();
      for (String up : e.getValue()) {
        ups.add(up.isEmpty() ? START : up);
        hasDownstream.add(up);
      }
      if (ups.isEmpty()) {
        ups.add(START);
      }
      connectionsUp.put(e.getKey(), ups);
    }
    Set<String> endUps = new TreeSet<>();
    for (String ref : outputRefs) {
      endUps.add(ref.isEmpty() ? START : ref);
    }
    for (String id : nodes.keySet()) {
      if (!hasDownstream.contains(id)) {
        endUps.add(id);
      }
    }
    connectionsUp.put(END, endUps);
    Map<String, Set<String>> withInner = new TreeMap<>(connectionsUp);
    innerUpstream.forEach((node, ups) -> {
      Set<String> renamed = new TreeSet<>();
      ups.forEach(up -> renamed.add(up.isEmpty() ? START : up));
      withInner.put(node, renamed);
    });
    connectionsUp.forEach((node, ups) -> ups.forEach(
        up -> connectionsDown.computeIfAbsent(up, k -> new TreeSet<>()).add(node)));
    checkCyclesAndReachability(wf.getId().getName(), nodes.keySet(), connectionsUp, connectionsDown);
    return CompiledWorkflow.newBuilder().setTemplate(compiledTemplate)
        .setConnections(ConnectionSet.newBuilder()
            .putAllUpstream(idLists(withInner))
            .putAllDownstream(idLists(connectionsDown)))
        .build();
  }

  /** The inputs and outputs a node takes and gives; problems are recorded for missing references. */
  private TypedInterface interfaceOf(Node node) {
    switch (node.getTargetCase()) {
      case TASK_NODE: {
        Identifier ref = node.getTaskNode().getReferenceId();
        Optional<TaskTemplate> task = tasks.apply(ref);
        if (task.isEmpty()) {
          missing.add("missing entity of type TASK with identifier [" + Ids.describe(ref) + "] (node " + node.getId() + ")");
          return TypedInterface.getDefaultInstance();
        }
        usedTasks.putIfAbsent(Ids.key(ref), task.get());
        return task.get().getInterface();
      }
      case WORKFLOW_NODE:
        if (node.getWorkflowNode().hasSubWorkflowRef()) {
          Identifier ref = node.getWorkflowNode().getSubWorkflowRef();
          WorkflowTemplate sub = subWorkflows.get(Ids.key(ref));
          if (sub == null) {
            problem("WorkflowReferenceNotFound", node.getId(), "Referenced Workflow [" + Ids.describe(ref) + "] not found.");
            return TypedInterface.getDefaultInstance();
          }
          return sub.getInterface();
        } else {
          Identifier ref = node.getWorkflowNode().getLaunchplanRef();
          Optional<LaunchPlan> lp = launchPlans.apply(ref);
          if (lp.isEmpty()) {
            missing.add("missing entity of type LAUNCH_PLAN with identifier [" + Ids.describe(ref) + "] (node "
                + node.getId() + ")");
            return TypedInterface.getDefaultInstance();
          }
          VariableMap.Builder inputs = VariableMap.newBuilder();
          lp.get().getClosure().getExpectedInputs().getParametersMap()
              .forEach((name, p) -> inputs.putVariables(name, p.getVar()));
          return TypedInterface.newBuilder().setInputs(inputs)
              .setOutputs(lp.get().getClosure().getExpectedOutputs()).build();
        }
      case BRANCH_NODE: {
        BranchNode branch = node.getBranchNode();
        IfBlock first = branch.getIfElse().getCase();
        if (!first.hasThenNode()) {
          problem("BranchNodeIdNotFound", node.getId(), "BranchNode not assigned");
          return TypedInterface.getDefaultInstance();
        }
        if (!branch.getIfElse().hasElseNode() && !branch.getIfElse().hasError()) {
          problem("BranchNodeHasNoDefault", node.getId(), "Branch Node must have either the else case set or a default error.");
        }
        VariableMap.Builder inputs = VariableMap.newBuilder();
        for (Binding b : node.getInputsList()) {
          inputs.putVariables(b.getVar(), Variable.getDefaultInstance());
        }
        return TypedInterface.newBuilder().setInputs(inputs).setOutputs(interfaceOf(first.getThenNode()).getOutputs())
            .build();
      }
      case ARRAY_NODE: {
        ArrayNode array = node.getArrayNode();
        TypedInterface inner = interfaceOf(array.getNode());
        if (array.hasIsOriginalSubNodeInterface() && array.getIsOriginalSubNodeInterface().getValue()) {
          return TypedInterface.newBuilder().setInputs(collections(inner.getInputs()))
              .setOutputs(collections(inner.getOutputs())).build();
        }
        return inner;
      }
      case GATE_NODE:
        if (node.getGateNode().hasSignal()) {
          var signal = node.getGateNode().getSignal();
          return TypedInterface.newBuilder().setOutputs(VariableMap.newBuilder().putVariables(
              signal.getOutputVariableName(), Variable.newBuilder().setType(signal.getType()).build())).build();
        }
        return TypedInterface.getDefaultInstance();
      default:
        problem("ValueRequired", node.getId(), "Value required [target].");
        return TypedInterface.getDefaultInstance();
    }
  }

  private static VariableMap collections(VariableMap vars) {
    VariableMap.Builder out = VariableMap.newBuilder();
    vars.getVariablesMap().forEach((name, v) -> out.putVariables(name, v.toBuilder()
        .setType(LiteralType.newBuilder().setCollectionType(v.getType())).build()));
    return out.build();
  }

  /** The node's bindings against its interface, and the nodes it reads from (into {@code ups}). */
  private void checkNode(Node node, TypedInterface iface, Map<String, TypedInterface> scope, Set<String> ups,
      boolean requireAll) {
    boolean typed = node.getTargetCase() != Node.TargetCase.BRANCH_NODE;
    // a launch plan's inputs with defaults may stay unbound; a branch node binds what its conditions read
    boolean everyInput = requireAll && (node.hasTaskNode() || node.hasArrayNode()
        || node.getWorkflowNode().hasSubWorkflowRef());
    checkBindings(node.getId(), node.getInputsList(), iface.getInputs(), scope, ups, everyInput, typed);
    if (node.hasBranchNode()) {
      var ifElse = node.getBranchNode().getIfElse();
      Set<String> inputs = new HashSet<>();
      node.getInputsList().forEach(b -> inputs.add(b.getVar()));
      checkOperands(node.getId(), ifElse.getCase().getCondition(), inputs);
      ifElse.getOtherList().forEach(b -> checkOperands(node.getId(), b.getCondition(), inputs));
      List<Node> inner = new ArrayList<>();
      inner.add(ifElse.getCase().getThenNode());
      ifElse.getOtherList().forEach(b -> inner.add(b.getThenNode()));
      if (ifElse.hasElseNode()) {
        inner.add(ifElse.getElseNode());
      }
      for (Node n : inner) {
        Set<String> innerUps = new TreeSet<>();
        checkNode(n, interfaceOf(n), scope, innerUps, true);
        if (!innerUps.isEmpty()) {
          innerUpstream.put(n.getId(), innerUps);
        }
      }
    } else if (node.hasArrayNode()) {
      Set<String> innerUps = new TreeSet<>();
      Node inner = node.getArrayNode().getNode();
      checkBindings(inner.getId(), inner.getInputsList(), iface.getInputs(), scope, innerUps, false, true);
      ups.addAll(innerUps);
    }
  }

  /** A condition reads the branch node's inputs by name: each variable operand must be one of them. */
  private void checkOperands(String nodeId, flyteidl.core.Condition.BooleanExpression e, Set<String> inputs) {
    if (e.hasConjunction()) {
      checkOperands(nodeId, e.getConjunction().getLeftExpression(), inputs);
      checkOperands(nodeId, e.getConjunction().getRightExpression(), inputs);
    } else if (e.hasComparison()) {
      for (var operand : List.of(e.getComparison().getLeftValue(), e.getComparison().getRightValue())) {
        if (operand.hasVar() && !inputs.contains(operand.getVar())) {
          problem("VariableNameNotFound", nodeId, "Variable [" + operand.getVar() + "] not found on node ["
              + nodeId + "].");
        }
      }
    }
  }

  private void checkBindings(String nodeId, List<Binding> bindings, VariableMap expected,
      Map<String, TypedInterface> scope, Set<String> ups, boolean requireAll) {
    checkBindings(nodeId, bindings, expected, scope, ups, requireAll, true);
  }

  private void checkBindings(String nodeId, List<Binding> bindings, VariableMap expected,
      Map<String, TypedInterface> scope, Set<String> ups, boolean requireAll, boolean typed) {
    Set<String> bound = new HashSet<>();
    for (Binding b : bindings) {
      if (!bound.add(b.getVar())) {
        problem("ParameterBoundMoreThanOnce", nodeId, "Input [" + b.getVar() + "] is bound more than once.");
      }
      Variable target = expected.getVariablesMap().get(b.getVar());
      if (target == null) {
        problem("VariableNameNotFound", nodeId, "Variable [" + b.getVar() + "] not found on node [" + nodeId + "].");
        continue;
      }
      checkBinding(nodeId, b.getVar(), b.getBinding(), typed ? target.getType() : null, scope, ups);
    }
    if (requireAll) {
      for (String name : expected.getVariablesMap().keySet()) {
        if (!bound.contains(name)) {
          problem("ParameterNotBound", nodeId, "Parameter not bound [" + name + "].");
        }
      }
    }
  }

  private void checkBinding(String nodeId, String var, BindingData data, LiteralType expected,
      Map<String, TypedInterface> scope, Set<String> ups) {
    switch (data.getValueCase()) {
      case PROMISE: {
        OutputReference ref = data.getPromise();
        TypedInterface from = scope.get(ref.getNodeId());
        if (from == null) {
          problem("NodeReferenceNotFound", nodeId, "Referenced node [" + ref.getNodeId() + "] not found.");
          return;
        }
        ups.add(ref.getNodeId());
        Variable out = from.getOutputs().getVariablesMap().get(ref.getVar());
        if (out == null) {
          problem("VariableNameNotFound", nodeId, "Variable [" + ref.getVar() + "] not found on node ["
              + (ref.getNodeId().isEmpty() ? START : ref.getNodeId()) + "].");
          return;
        }
        if (expected != null && ref.getAttrPathCount() == 0 && !TypeCompatibility.castable(out.getType(), expected)) {
          problem("MismatchingTypes", nodeId, "The output variable '" + (ref.getNodeId().isEmpty() ? START
              : ref.getNodeId()) + "." + ref.getVar() + "' has type [" + TypeCompatibility.describe(out.getType())
              + "], but it's assigned to the input variable '" + nodeId + "." + var + "' which has type type ["
              + TypeCompatibility.describe(expected) + "].");
        }
        return;
      }
      case COLLECTION: {
        LiteralType element = expected == null ? null : elementOf(expected, true);
        if (expected != null && element == null && !expected.hasUnionType()) {
          mismatchingBindings(nodeId, var, expected, "collection");
          return;
        }
        for (BindingData item : data.getCollection().getBindingsList()) {
          checkBinding(nodeId, var, item, element, scope, ups);
        }
        return;
      }
      case MAP: {
        LiteralType value = expected == null ? null : elementOf(expected, false);
        if (expected != null && value == null && !expected.hasUnionType()
            && !(expected.hasSimple() && expected.getSimple() == flyteidl.core.Types.SimpleType.STRUCT)) {
          mismatchingBindings(nodeId, var, expected, "map");
          return;
        }
        for (BindingData item : data.getMap().getBindingsMap().values()) {
          checkBinding(nodeId, var, item, value, scope, ups);
        }
        return;
      }
      case SCALAR: {
        LiteralType actual = TypeCompatibility.typeOf(Literal.newBuilder().setScalar(data.getScalar()).build());
        if (expected != null && actual != null && !TypeCompatibility.castable(actual, expected)) {
          if (expected.hasUnionType()) {
            problem("IncompatibleBindingUnionValue", nodeId, "Input [" + var + "] on node [" + nodeId
                + "] expects bindings of union type [" + TypeCompatibility.describe(expected) + "].  Received ["
                + TypeCompatibility.describe(actual) + "] which does not match any of the variants.");
          } else {
            mismatchingBindings(nodeId, var, expected, TypeCompatibility.describe(actual));
          }
        }
        return;
      }
      default:
        // union bindings carry their own target type; offloaded literals are typed by the producer
    }
  }

  private static LiteralType elementOf(LiteralType t, boolean collection) {
    if (collection && t.hasCollectionType()) {
      return t.getCollectionType();
    }
    if (!collection && t.hasMapValueType()) {
      return t.getMapValueType();
    }
    return null;
  }

  private void mismatchingBindings(String nodeId, String var, LiteralType expected, String received) {
    problem("MismatchingBindings", nodeId, "Input [" + var + "] on node [" + nodeId + "] expects bindings of type ["
        + TypeCompatibility.describe(expected) + "].  Received [" + received + "]");
  }

  private void checkCyclesAndReachability(String workflow, Set<String> nodes, Map<String, Set<String>> up,
      Map<String, Set<String>> down) {
    // a cycle: a depth-first walk along downstream edges that meets a node on its own path
    Map<String, Integer> state = new HashMap<>();
    for (String start : nodes) {
      List<String> cycle = findCycle(start, down, state, new ArrayDeque<>());
      if (cycle != null) {
        problem("CycleDetected", cycle.get(0), "A cycle has been detected while traversing the Workflow ["
            + String.join("->", cycle) + "].");
        return;
      }
    }
    Set<String> seen = new HashSet<>();
    Deque<String> todo = new ArrayDeque<>(List.of(START));
    while (!todo.isEmpty()) {
      String n = todo.pop();
      if (seen.add(n)) {
        todo.addAll(down.getOrDefault(n, Set.of()));
      }
    }
    Set<String> unreachable = new TreeSet<>(nodes);
    unreachable.removeAll(seen);
    if (!unreachable.isEmpty()) {
      problem("UnreachableNodes", workflow, "The Workflow contain unreachable nodes [" + unreachable + "].");
    }
  }

  private static List<String> findCycle(String node, Map<String, Set<String>> down, Map<String, Integer> state,
      Deque<String> path) {
    Integer s = state.get(node);
    if (s != null && s == 2) {
      return null;
    }
    if (s != null && s == 1) {
      List<String> cycle = new ArrayList<>();
      boolean on = false;
      for (var it = path.descendingIterator(); it.hasNext(); ) {
        String p = it.next();
        on |= p.equals(node);
        if (on) {
          cycle.add(p);
        }
      }
      cycle.add(node);
      return cycle;
    }
    state.put(node, 1);
    path.push(node);
    for (String next : down.getOrDefault(node, Set.of())) {
      List<String> cycle = findCycle(next, down, state, path);
      if (cycle != null) {
        return cycle;
      }
    }
    path.pop();
    state.put(node, 2);
    return null;
  }

  /** Propeller names a node inside a branch after the branch: {@code n0}'s then-node {@code n0} is {@code n0-n0}. */
  private static WorkflowTemplate withBranchNodeIdsPrefixed(WorkflowTemplate wf) {
    WorkflowTemplate.Builder b = wf.toBuilder();
    b.getNodesBuilderList().forEach(n -> prefixInner(n, n.getId()));
    return b.build();
  }

  private static void prefixInner(Node.Builder node, String id) {
    if (!node.hasBranchNode()) {
      return;
    }
    var ifElse = node.getBranchNodeBuilder().getIfElseBuilder();
    List<Node.Builder> inner = new ArrayList<>();
    inner.add(ifElse.getCaseBuilder().getThenNodeBuilder());
    ifElse.getOtherBuilderList().forEach(o -> inner.add(o.getThenNodeBuilder()));
    if (ifElse.hasElseNode()) {
      inner.add(ifElse.getElseNodeBuilder());
    }
    for (Node.Builder n : inner) {
      n.setId(id + "-" + n.getId());
      prefixInner(n, n.getId());
    }
  }

  /** Propeller's compiled template: start and end nodes first, and bindings from {@code ""} read from start-node. */
  private static WorkflowTemplate withStartAndEnd(WorkflowTemplate wf) {
    WorkflowTemplate.Builder out = wf.toBuilder().clearNodes();
    out.addNodes(Node.newBuilder().setId(START));
    out.addNodes(Node.newBuilder().setId(END).addAllInputs(wf.getOutputsList()));
    for (Node n : wf.getNodesList()) {
      Node.Builder b = n.toBuilder();
      renameStart(b);
      out.addNodes(b);
    }
    for (Binding.Builder binding : out.getOutputsBuilderList()) {
      renameStart(binding.getBindingBuilder());
    }
    return out.build();
  }

  private static void renameStart(Node.Builder node) {
    for (Binding.Builder binding : node.getInputsBuilderList()) {
      renameStart(binding.getBindingBuilder());
    }
    if (node.hasBranchNode()) {
      var ifElse = node.getBranchNodeBuilder().getIfElseBuilder();
      renameStart(ifElse.getCaseBuilder().getThenNodeBuilder());
      ifElse.getOtherBuilderList().forEach(b -> renameStart(b.getThenNodeBuilder()));
      if (ifElse.hasElseNode()) {
        renameStart(ifElse.getElseNodeBuilder());
      }
    }
  }

  private static void renameStart(BindingData.Builder data) {
    if (data.hasPromise() && data.getPromise().getNodeId().isEmpty()) {
      data.getPromiseBuilder().setNodeId(START);
    }
    if (data.hasCollection()) {
      data.getCollectionBuilder().getBindingsBuilderList().forEach(d -> renameStart(d));
    }
    if (data.hasMap()) {
      data.getMapBuilder().getBindingsMap().keySet().forEach(k -> {
        BindingData.Builder v = data.getMapBuilder().getBindingsMap().get(k).toBuilder();
        renameStart(v);
        data.getMapBuilder().putBindings(k, v.build());
      });
    }
  }

  private static Map<String, ConnectionSet.IdList> idLists(Map<String, Set<String>> edges) {
    Map<String, ConnectionSet.IdList> out = new TreeMap<>();
    edges.forEach((k, v) -> out.put(k, ConnectionSet.IdList.newBuilder().addAllIds(v).build()));
    return out;
  }

  private void problem(String code, String nodeId, String description) {
    problems.add(new CompileProblem(code, nodeId, description));
  }
}
