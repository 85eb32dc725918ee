package dev.flytejava.runtime.api;

import dev.flytejava.runtime.model.Binding;
import dev.flytejava.runtime.model.BranchNode;
import dev.flytejava.runtime.model.Condition;
import dev.flytejava.runtime.model.LaunchPlan;
import dev.flytejava.runtime.model.LaunchPlanNode;
import dev.flytejava.runtime.model.MapNode;
import dev.flytejava.runtime.model.Node;
import dev.flytejava.runtime.model.SubworkflowNode;
import dev.flytejava.runtime.model.Task;
import dev.flytejava.runtime.model.TaskDecorator;
import dev.flytejava.runtime.model.TaskNode;
import dev.flytejava.runtime.model.Variable;
import dev.flytejava.runtime.model.Workflow;
import dev.flytejava.runtime.types.TypeEngine;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Wires a {@link Workflow}: inputs, nodes with their input bindings, branches, map nodes, ordering edges,
 * setup/teardown and outputs. {@link #build()} checks the whole wiring with the type engine and throws one
 * {@link WiringException} listing every error (unknown names, unbound inputs, type mismatches naming node,
 * input and both Flyte types, cycles).
 *
 * <pre>{@code
 * WorkflowBuilder wf = WorkflowBuilder.create("pipeline", engine);
 * wf.input("x", long.class);
 * NodeRef a = wf.node("a", addOne, Map.of("x", Binding.input("x")));
 * NodeRef b = wf.node("b", addOne, Map.of("x", a.output()));
 * wf.output("o0", b.output());
 * Workflow pipeline = wf.build();
 * }</pre>
 *
 * Not thread-safe; one builder builds one workflow.
 */
public final class WorkflowBuilder {
  private final String name;
  private final TypeEngine engine;
  private final List<Variable> inputs = new ArrayList<>();
  private final Map<String, Object> defaults = new LinkedHashMap<>();
  private final List<Node> nodes = new ArrayList<>();
  private final Map<String, Set<String>> extraAfter = new LinkedHashMap<>();
  private final Map<String, Binding> outputs = new LinkedHashMap<>();
  private final Map<String, Type> declaredOutputTypes = new LinkedHashMap<>();
  private final Set<String> setup = new LinkedHashSet<>();
  private final Set<String> teardown = new LinkedHashSet<>();
  private final List<TaskDecorator> decorators = new ArrayList<>();
  private Class<? extends Record> outputRecord;

  private WorkflowBuilder(String name, TypeEngine engine) {
    this.name = Objects.requireNonNull(name, "name");
    this.engine = Objects.requireNonNull(engine, "engine");
  }

  public static WorkflowBuilder create(String name, TypeEngine engine) {
    return new WorkflowBuilder(name, engine);
  }

  public String name() {
    return name;
  }

  /** A required input. */
  public WorkflowBuilder input(String inputName, Type type) {
    inputs.add(new Variable(inputName, type));
    return this;
  }

  /** An input with a default value (a Java value of {@code type}). */
  public WorkflowBuilder input(String inputName, Type type, Object defaultValue) {
    input(inputName, type);
    defaults.put(inputName, defaultValue);
    return this;
  }

  public NodeRef node(String id, Task task, Map<String, Binding> bindings) {
    return add(new TaskNode(id, task, bindings, List.of()));
  }

  public NodeRef node(String id, Workflow subworkflow, Map<String, Binding> bindings) {
    return add(new SubworkflowNode(id, subworkflow, bindings, List.of()));
  }

  public NodeRef node(String id, LaunchPlan launchPlan, Map<String, Binding> bindings) {
    return add(new LaunchPlanNode(id, launchPlan, bindings, List.of()));
  }

  /** A map node over all inputs of {@code task} (each bound to a list); every element must succeed. */
  public NodeRef map(String id, Task task, Map<String, Binding> bindings) {
    return map(id, task, bindings, Set.of(), 0, 1.0);
  }

  /** A map node; see {@link MapNode} for fixed inputs, concurrency (0 = executor's) and min success ratio. */
  public NodeRef map(String id, Task task, Map<String, Binding> bindings, Set<String> fixedInputs, int concurrency,
      double minSuccessRatio) {
    return add(new MapNode(id, task, bindings, fixedInputs, concurrency, minSuccessRatio, List.of()));
  }

  /** Starts a branch node; finish it with {@link BranchBuilder#end()}. */
  public BranchBuilder branch(String id) {
    return new BranchBuilder(id);
  }

  /** Adds a node built elsewhere. */
  public NodeRef add(Node node) {
    nodes.add(Objects.requireNonNull(node, "node"));
    return new NodeRef(node.id());
  }

  /** Ordering edges without data: {@code nodeId} runs after every one of {@code upstreamIds} ({@code u >> n}). */
  public WorkflowBuilder after(String nodeId, String... upstreamIds) {
    extraAfter.computeIfAbsent(nodeId, k -> new LinkedHashSet<>()).addAll(List.of(upstreamIds));
    return this;
  }

  /** A setup node: runs before every body node. */
  public NodeRef setup(String id, Task task, Map<String, Binding> bindings) {
    setup.add(id);
    return node(id, task, bindings);
  }

  /** A teardown node: runs after every other node, even when the body failed. */
  public NodeRef teardown(String id, Task task, Map<String, Binding> bindings) {
    teardown.add(id);
    return node(id, task, bindings);
  }

  /** Decorators applied to every task of this workflow, outside each task's own decorators. */
  public WorkflowBuilder decorators(List<TaskDecorator> workflowDecorators) {
    decorators.addAll(workflowDecorators);
    return this;
  }

  /** An output whose type is inferred from its binding. */
  public WorkflowBuilder output(String outputName, Binding binding) {
    outputs.put(outputName, Objects.requireNonNull(binding, "binding"));
    return this;
  }

  /** An output with a declared Java type (needed for a literal list/map binding that cannot be inferred). */
  public WorkflowBuilder output(String outputName, Type type, Binding binding) {
    output(outputName, binding);
    declaredOutputTypes.put(outputName, type);
    return this;
  }

  /** The outputs form this {@code @Outputs} record (one output per component, same names and order). */
  public WorkflowBuilder outputRecord(Class<? extends Record> record) {
    this.outputRecord = record;
    return this;
  }

  /** Checks everything and returns the workflow, or throws one {@link WiringException} with all errors. */
  public Workflow build() {
    List<Node> wired = wiredNodes();
    WiringChecker checker = new WiringChecker(name, engine, inputs, defaults, wired);
    checker.checkNodes(extraAfter.keySet());
    List<Variable> outputVars = checker.checkOutputs(outputs, declaredOutputTypes, outputRecord);
    checker.throwIfErrors();
    return new Workflow(name, new dev.flytejava.runtime.model.TypedInterface(inputs, outputVars, outputRecord),
        defaults, wired, outputs, setup, teardown);
  }

  /** Nodes with ordering edges, setup/teardown edges and workflow decorators applied. */
  private List<Node> wiredNodes() {
    List<String> bodyIds = new ArrayList<>();
    for (Node n : nodes) {
      if (!setup.contains(n.id()) && !teardown.contains(n.id())) {
        bodyIds.add(n.id());
      }
    }
    List<Node> out = new ArrayList<>();
    for (Node n : nodes) {
      Set<String> after = new LinkedHashSet<>(n.after());
      after.addAll(extraAfter.getOrDefault(n.id(), Set.of()));
      if (teardown.contains(n.id())) {
        after.addAll(bodyIds);
        after.addAll(setup);
      } else if (!setup.contains(n.id())) {
        after.addAll(setup);
      }
      out.add(decorate(n.withAfter(List.copyOf(after))));
    }
    return out;
  }

  private Node decorate(Node n) {
    if (decorators.isEmpty()) {
      return n;
    }
    if (n instanceof TaskNode t) {
      return new TaskNode(t.id(), decorate(t.task()), t.inputs(), t.after());
    }
    if (n instanceof MapNode m) {
      return new MapNode(m.id(), decorate(m.task()), m.inputs(), m.fixedInputs(), m.concurrency(),
          m.minSuccessRatio(), m.after());
    }
    if (n instanceof BranchNode b) {
      List<BranchNode.Case> cases = b.cases().stream()
          .map(c -> new BranchNode.Case(c.condition(), decorate(c.node()))).toList();
      return new BranchNode(b.id(), cases, b.otherwise() == null ? null : decorate(b.otherwise()),
          b.otherwiseError(), b.after());
    }
    return n;
  }

  private Task decorate(Task t) {
    List<TaskDecorator> all = new ArrayList<>(decorators);
    all.addAll(t.options().decorators());
    return t.withOptions(t.options().withDecorators(all));
  }

  /**
   * Builds an if / else-if / else node: {@code when(...)} cases in order, then {@code otherwise(...)} or
   * {@code otherwiseFail(...)}, then {@link #end()}. Case node ids are local to the branch.
   */
  public final class BranchBuilder {
    private final String id;
    private final List<BranchNode.Case> cases = new ArrayList<>();
    private Node otherwise;
    private String otherwiseError;

    private BranchBuilder(String id) {
      this.id = id;
    }

    public BranchBuilder when(Condition condition, String caseId, Task task, Map<String, Binding> bindings) {
      return when(condition, new TaskNode(caseId, task, bindings, List.of()));
    }

    public BranchBuilder when(Condition condition, String caseId, Workflow wf, Map<String, Binding> bindings) {
      return when(condition, new SubworkflowNode(caseId, wf, bindings, List.of()));
    }

    public BranchBuilder when(Condition condition, Node node) {
      cases.add(new BranchNode.Case(condition, node));
      return this;
    }

    public BranchBuilder otherwise(String caseId, Task task, Map<String, Binding> bindings) {
      return otherwise(new TaskNode(caseId, task, bindings, List.of()));
    }

    public BranchBuilder otherwise(String caseId, Workflow wf, Map<String, Binding> bindings) {
      return otherwise(new SubworkflowNode(caseId, wf, bindings, List.of()));
    }

    public BranchBuilder otherwise(Node node) {
      this.otherwise = node;
      return this;
    }

    /** Without a matching case the branch fails with this message. */
    public BranchBuilder otherwiseFail(String message) {
      this.otherwiseError = message;
      return this;
    }

    public NodeRef end() {
      return add(new BranchNode(id, cases, otherwise, otherwiseError, List.of()));
    }
  }
}
