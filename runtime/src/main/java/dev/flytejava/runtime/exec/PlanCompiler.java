package dev.flytejava.runtime.exec;

import dev.flytejava.runtime.model.Binding;
import dev.flytejava.runtime.model.BranchNode;
import dev.flytejava.runtime.model.Condition;
import dev.flytejava.runtime.model.LaunchPlan;
import dev.flytejava.runtime.model.LaunchPlanNode;
import dev.flytejava.runtime.model.MapNode;
import dev.flytejava.runtime.model.Node;
import dev.flytejava.runtime.model.NodeDependencies;
import dev.flytejava.runtime.model.SubworkflowNode;
import dev.flytejava.runtime.model.Task;
import dev.flytejava.runtime.model.TaskNode;
import dev.flytejava.runtime.model.Variable;
import dev.flytejava.runtime.model.Workflow;
import dev.flytejava.runtime.types.TypeEngine;
import flyteidl.core.Literals.Literal;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Compiles workflows into {@link Plan}s and tasks into {@link TaskRunner}s, once per instance (cached by
 * identity, so a workflow run many times is compiled once). Constants are converted to literals here.
 */
final class PlanCompiler {
  /** Bound on cached entries; a long notebook session re-creates workflows as cells are re-run. */
  private static final int MAX_CACHED = 4096;

  private final TypeEngine engine;
  private final Map<Workflow, Plan> plans = new IdentityHashMap<>();
  private final Map<Task, TaskRunner> runners = new IdentityHashMap<>();

  PlanCompiler(TypeEngine engine) {
    this.engine = engine;
  }

  synchronized Plan plan(Workflow wf) {
    return cached(plans, wf, this::compile);
  }

  synchronized TaskRunner runner(Task task) {
    return cached(runners, task, t -> new TaskRunner(t, engine));
  }

  /** Get-or-create in a bounded cache; {@code create} may itself compile (and cache) nested entries. */
  private static <K, V> V cached(Map<K, V> cache, K key, Function<K, V> create) {
    V value = cache.get(key);
    if (value == null) {
      value = create.apply(key);
      if (cache.size() >= MAX_CACHED) {
        cache.clear();
      }
      cache.put(key, value);
    }
    return value;
  }

  private Plan compile(Workflow wf) {
    List<Node> nodes = wf.nodes();
    int n = nodes.size();
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < n; i++) {
      index.put(nodes.get(i).id(), i);
    }
    String[] inputNames = wf.iface().inputNames().toArray(String[]::new);
    Type[] inputTypes = wf.iface().inputs().stream().map(Variable::type).toArray(Type[]::new);
    Literal[] defaults = new Literal[inputNames.length];
    for (int i = 0; i < inputNames.length; i++) {
      if (wf.defaults().containsKey(inputNames[i])) {
        defaults[i] = constant(wf.defaults().get(inputNames[i]), inputTypes[i],
            "default of input [" + inputNames[i] + "] of workflow [" + wf.name() + "]");
      }
    }
    Scope scope = new Scope(wf, index, inputNames);

    String[] ids = new String[n];
    NodeExec[] execs = new NodeExec[n];
    Resolver[][] resolvers = new Resolver[n][];
    int[] indegree = new int[n];
    int[][] dataDeps = new int[n][];
    boolean[] teardown = new boolean[n];
    List<List<Integer>> succ = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      succ.add(new ArrayList<>(1));
    }
    for (int i = 0; i < n; i++) {
      Node node = nodes.get(i);
      ids[i] = node.id();
      execs[i] = exec(node, scope);
      resolvers[i] = resolvers(node, scope);
      teardown[i] = wf.teardown().contains(node.id());
      for (String dep : NodeDependencies.of(node)) {
        succ.get(scope.node(dep, node.id())).add(i);
        indegree[i]++;
      }
      dataDeps[i] = NodeDependencies.dataOf(node).stream().mapToInt(d -> scope.node(d, node.id())).toArray();
    }
    int[][] successors = new int[n][];
    List<Integer> roots = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      successors[i] = succ.get(i).stream().mapToInt(Integer::intValue).toArray();
      if (indegree[i] == 0) {
        roots.add(i);
      }
    }
    requireAcyclic(wf, ids, indegree, successors);
    String[] outputNames = wf.iface().outputNames().toArray(String[]::new);
    Type[] outputTypes = wf.iface().outputs().stream().map(Variable::type).toArray(Type[]::new);
    Resolver[] outputs = new Resolver[outputNames.length];
    for (int k = 0; k < outputs.length; k++) {
      outputs[k] = resolver(wf.outputs().get(outputNames[k]), outputTypes[k], scope, "(outputs)");
    }
    return new Plan(ids, execs, resolvers, indegree, successors,
        roots.stream().mapToInt(Integer::intValue).toArray(), teardown, dataDeps, inputNames, inputTypes, defaults,
        outputNames, outputTypes, outputs);
  }

  /** A cycle would leave its nodes waiting forever; WorkflowBuilder rejects them, a hand-made Workflow may not. */
  private static void requireAcyclic(Workflow wf, String[] ids, int[] indegree, int[][] successors) {
    int[] pending = indegree.clone();
    int[] queue = new int[ids.length];
    int head = 0;
    int tail = 0;
    for (int i = 0; i < ids.length; i++) {
      if (pending[i] == 0) {
        queue[tail++] = i;
      }
    }
    while (head < tail) {
      for (int s : successors[queue[head++]]) {
        if (--pending[s] == 0) {
          queue[tail++] = s;
        }
      }
    }
    if (tail < ids.length) {
      List<String> stuck = new ArrayList<>();
      for (int i = 0; i < ids.length; i++) {
        if (pending[i] > 0) {
          stuck.add(ids[i]);
        }
      }
      throw new IllegalArgumentException("Workflow [" + wf.name() + "] has a cycle among nodes " + stuck
          + "; build workflows with WorkflowBuilder to get the cycle named");
    }
  }

  private NodeExec exec(Node node, Scope scope) {
    if (node instanceof TaskNode t) {
      return new TaskExec(runner(t.task()));
    }
    if (node instanceof SubworkflowNode s) {
      return new SubworkflowExec(plan(s.workflow()), null, null);
    }
    if (node instanceof LaunchPlanNode l) {
      LaunchPlan lp = l.launchPlan();
      List<Variable> wfInputs = lp.workflow().iface().inputs();
      List<String> nodeInputs = l.inputVariables().stream().map(Variable::name).toList();
      int[] fromNode = new int[wfInputs.size()];
      Literal[] fixed = new Literal[wfInputs.size()];
      for (int i = 0; i < fromNode.length; i++) {
        Variable v = wfInputs.get(i);
        fromNode[i] = nodeInputs.indexOf(v.name());
        if (fromNode[i] < 0) {
          fixed[i] = constant(lp.fixedInputs().get(v.name()), v.type(),
              "fixed input [" + v.name() + "] of launch plan [" + lp.name() + "]");
        }
      }
      return new SubworkflowExec(plan(lp.workflow()), fromNode, fixed);
    }
    if (node instanceof MapNode m) {
      List<Variable> in = m.task().iface().inputs();
      boolean[] mapped = new boolean[in.size()];
      for (int i = 0; i < mapped.length; i++) {
        mapped[i] = m.isMapped(in.get(i).name());
      }
      Type[] outTypes = m.outputs().stream().map(Variable::type).toArray(Type[]::new);
      return new MapExec(runner(m.task()), mapped, m.concurrency(), m.minSuccessRatio(), engine, outTypes);
    }
    BranchNode b = (BranchNode) node;
    List<BranchExec.Arm> arms = new ArrayList<>();
    for (BranchNode.Case c : b.cases()) {
      arms.add(new BranchExec.Arm(condition(c.condition(), scope, b.id()), c.node().id(), exec(c.node(), scope),
          resolvers(c.node(), scope)));
    }
    if (b.otherwise() != null) {
      arms.add(new BranchExec.Arm(null, b.otherwise().id(), exec(b.otherwise(), scope),
          resolvers(b.otherwise(), scope)));
    }
    return new BranchExec(arms.toArray(BranchExec.Arm[]::new), b.otherwiseError());
  }

  private CompiledCondition condition(Condition c, Scope scope, String nodeId) {
    if (c instanceof Condition.And a) {
      return CompiledCondition.and(condition(a.left(), scope, nodeId), condition(a.right(), scope, nodeId));
    }
    if (c instanceof Condition.Or o) {
      return CompiledCondition.or(condition(o.left(), scope, nodeId), condition(o.right(), scope, nodeId));
    }
    Condition.Comparison cmp = (Condition.Comparison) c;
    return CompiledCondition.compare(operand(cmp.left(), scope, nodeId), cmp.op(), operand(cmp.right(), scope,
        nodeId), cmp.toString());
  }

  private Resolver operand(Binding b, Scope scope, String nodeId) {
    if (b instanceof Binding.Constant k) {
      Object v = k.value();
      if (v == null) {
        throw new IllegalArgumentException("Branch [" + nodeId + "] compares with a null literal");
      }
      return Resolver.constant(constant(v, v.getClass(), "operand [" + v + "] of branch [" + nodeId + "]"));
    }
    return resolver(b, null, scope, nodeId);
  }

  /** Resolvers for a node's inputs in {@link Node#inputVariables()} order; unbound ones take their default. */
  private Resolver[] resolvers(Node node, Scope scope) {
    List<Variable> vars = node.inputVariables();
    Resolver[] out = new Resolver[vars.size()];
    for (int i = 0; i < out.length; i++) {
      Variable v = vars.get(i);
      Binding b = node.inputs().get(v.name());
      if (b != null) {
        out[i] = resolver(b, v.type(), scope, node.id());
        continue;
      }
      Object dflt;
      if (node instanceof LaunchPlanNode l && l.launchPlan().hasDefault(v.name())) {
        dflt = l.launchPlan().defaultOf(v.name());
      } else if (node instanceof SubworkflowNode s && s.workflow().defaults().containsKey(v.name())) {
        dflt = s.workflow().defaults().get(v.name());
      } else {
        throw new IllegalArgumentException("Node [" + node.id() + "] input [" + v.name() + "] of workflow ["
            + scope.wf.name() + "] is not bound; build workflows with WorkflowBuilder to check wiring");
      }
      out[i] = Resolver.constant(constant(dflt, v.type(), "default of input [" + v.name() + "] of node ["
          + node.id() + "]"));
    }
    return out;
  }

  private Resolver resolver(Binding b, Type expected, Scope scope, String nodeId) {
    if (b instanceof Binding.InputRef ref) {
      int i = scope.input(ref.name(), nodeId);
      return Resolver.input(i);
    }
    if (b instanceof Binding.OutputRef ref) {
      int node = scope.node(ref.nodeId(), nodeId);
      int out = scope.wf.nodes().get(node).outputs().stream().map(Variable::name).toList()
          .indexOf(ref.outputName());
      if (out < 0) {
        throw new IllegalArgumentException("Node [" + ref.nodeId() + "] has no output [" + ref.outputName()
            + "] (bound in node [" + nodeId + "])");
      }
      return Resolver.output(node, out);
    }
    if (b instanceof Binding.Constant k) {
      return Resolver.constant(constant(k.value(), expected, "literal [" + k.value() + "] in node [" + nodeId
          + "]"));
    }
    if (b instanceof Binding.ListOf list) {
      Type element = argument(expected, 0);
      return Resolver.list(list.items().stream().map(i -> resolver(i, element, scope, nodeId))
          .toArray(Resolver[]::new));
    }
    Binding.MapOf map = (Binding.MapOf) b;
    Type value = argument(expected, 1);
    return Resolver.map(map.entries().keySet().toArray(String[]::new), map.entries().values().stream()
        .map(i -> resolver(i, value, scope, nodeId)).toArray(Resolver[]::new));
  }

  private Literal constant(Object value, Type type, String where) {
    if (type == null) {
      throw new IllegalArgumentException("No type to convert " + where);
    }
    try {
      return engine.toLiteral(value, type);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("Cannot convert " + where + " to [" + type.getTypeName() + "]: "
          + e.getMessage(), e);
    }
  }

  private static Type argument(Type t, int index) {
    if (t instanceof ParameterizedType p) {
      Type[] args = p.getActualTypeArguments();
      return index < args.length ? args[index] : args[args.length - 1];
    }
    return null;
  }

  /** Names of one workflow: its inputs and node ids. */
  private static final class Scope {
    final Workflow wf;
    final Map<String, Integer> nodes;
    final String[] inputs;

    Scope(Workflow wf, Map<String, Integer> nodes, String[] inputs) {
      this.wf = wf;
      this.nodes = nodes;
      this.inputs = inputs;
    }

    int node(String id, String from) {
      Integer i = nodes.get(id);
      if (i == null) {
        throw new IllegalArgumentException("Node [" + from + "] of workflow [" + wf.name() + "] refers to unknown node ["
            + id + "]");
      }
      return i;
    }

    int input(String name, String from) {
      for (int i = 0; i < inputs.length; i++) {
        if (inputs[i].equals(name)) {
          return i;
        }
      }
      throw new IllegalArgumentException("Node [" + from + "] of workflow [" + wf.name()
          + "] refers to unknown input [" + name + "]");
    }
  }
}
