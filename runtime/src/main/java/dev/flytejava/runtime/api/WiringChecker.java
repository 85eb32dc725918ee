package dev.flytejava.runtime.api;

import dev.flytejava.runtime.model.Binding;
import dev.flytejava.runtime.model.BranchNode;
import dev.flytejava.runtime.model.Condition;
import dev.flytejava.runtime.model.FlyteTypes;
import dev.flytejava.runtime.model.LaunchPlanNode;
import dev.flytejava.runtime.model.Node;
import dev.flytejava.runtime.model.NodeDependencies;
import dev.flytejava.runtime.model.SubworkflowNode;
import dev.flytejava.runtime.model.Variable;
import dev.flytejava.runtime.types.JavaTypes;
import dev.flytejava.runtime.types.TypeEngine;
import flyteidl.core.Types.LiteralType;
import flyteidl.core.Types.SimpleType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Collects every wiring and type error of one workflow (STYLE (e): collect, don't stop at the first). */
final class WiringChecker {
  private final String workflow;
  private final TypeEngine engine;
  private final Map<String, Variable> inputs = new LinkedHashMap<>();
  private final Map<String, Node> nodes = new LinkedHashMap<>();
  private final List<Node> nodeList;
  private final Map<Type, LiteralType> literalTypes = new HashMap<>();
  private final Set<Type> unsupported = new HashSet<>();
  private final List<WiringError> errors = new ArrayList<>();

  WiringChecker(String workflow, TypeEngine engine, List<Variable> inputList, Map<String, Object> defaults,
      List<Node> nodeList) {
    this.workflow = workflow;
    this.engine = engine;
    this.nodeList = nodeList;
    for (Variable v : inputList) {
      if (inputs.putIfAbsent(v.name(), v) != null) {
        error(null, v.name(), "Workflow input [" + v.name() + "] is declared twice");
      }
    }
    for (Node n : nodeList) {
      if (nodes.putIfAbsent(n.id(), n) != null) {
        error(n.id(), null, "Node id [" + n.id() + "] is used twice");
      }
    }
    defaults.forEach((k, v) -> {
      Variable var = inputs.get(k);
      if (var != null) {
        checkConstant(null, k, "Default of workflow input [" + k + "]", v, var.type());
      }
    });
  }

  void checkNodes(Set<String> orderedIds) {
    for (String id : orderedIds) {
      if (!nodes.containsKey(id)) {
        error(id, null, "Ordering edge on unknown node [" + id + "]; nodes are " + nodes.keySet());
      }
    }
    for (Node n : nodeList) {
      checkNode(n, n.id());
    }
    checkCycles();
  }

  private void checkNode(Node n, String label) {
    for (String up : n.after()) {
      if (!nodes.containsKey(up)) {
        error(label, null, "Node [" + label + "] runs after unknown node [" + up + "]; nodes are " + nodes.keySet());
      } else if (up.equals(n.id()) && label.equals(n.id())) {
        error(label, null, "Node [" + label + "] runs after itself");
      }
    }
    if (n instanceof BranchNode b) {
      checkBranch(b, label);
      return;
    }
    List<Variable> expected = n.inputVariables();
    Set<String> names = new HashSet<>();
    for (Variable v : expected) {
      names.add(v.name());
      Binding b = n.inputs().get(v.name());
      if (b != null) {
        checkBinding(label, n.describe(), v.name(), b, v.type());
      } else if (!hasDefault(n, v.name())) {
        error(label, v.name(), "Node [" + label + "] input [" + v.name() + "] is not bound (" + n.describe()
            + " needs " + names(expected) + ")");
      }
    }
    for (String bound : n.inputs().keySet()) {
      if (!names.contains(bound)) {
        String why = n instanceof LaunchPlanNode lp && lp.launchPlan().fixedInputs().containsKey(bound)
            ? " (it is fixed by the launch plan)" : "";
        error(label, bound, "Node [" + label + "] has no input [" + bound + "]" + why + "; " + n.describe()
            + " takes " + names(expected));
      }
    }
  }

  private static boolean hasDefault(Node n, String input) {
    return n instanceof LaunchPlanNode lp && lp.launchPlan().hasDefault(input)
        || n instanceof SubworkflowNode sub && sub.workflow().defaults().containsKey(input);
  }

  private void checkBranch(BranchNode b, String label) {
    for (int i = 0; i < b.cases().size(); i++) {
      checkCondition(label, b.cases().get(i).condition());
    }
    List<Node> arms = b.armNodes();
    Set<String> armIds = new HashSet<>();
    List<Variable> first = arms.get(0).outputs();
    for (Node arm : arms) {
      String armLabel = label + "/" + arm.id();
      if (!armIds.add(arm.id())) {
        error(label, null, "Branch [" + label + "] has two cases with node id [" + arm.id() + "]");
      }
      checkNode(arm, armLabel);
      if (!sameOutputs(first, arm.outputs())) {
        error(label, null, "Branch [" + label + "] case [" + arm.id() + "] has outputs " + describe(arm.outputs())
            + " but case [" + arms.get(0).id() + "] has " + describe(first) + "; every case needs the same outputs");
      }
    }
  }

  private void checkCondition(String label, Condition c) {
    if (c instanceof Condition.And a) {
      checkCondition(label, a.left());
      checkCondition(label, a.right());
    } else if (c instanceof Condition.Or o) {
      checkCondition(label, o.left());
      checkCondition(label, o.right());
    } else if (c instanceof Condition.Comparison cmp) {
      LiteralType left = operandType(label, cmp, cmp.left());
      LiteralType right = operandType(label, cmp, cmp.right());
      if (left != null && right != null && !comparable(left, right)) {
        error(label, null, "Branch [" + label + "] condition [" + cmp + "] compares [" + FlyteTypes.describe(left)
            + "] with [" + FlyteTypes.describe(right) + "]");
      }
    }
  }

  private LiteralType operandType(String label, Condition.Comparison cmp, Binding operand) {
    Type t = sourceType(label, null, operand, "Branch [" + label + "] condition [" + cmp + "]");
    LiteralType lt = t == null ? null : literalType(label, null, t);
    if (lt != null && !(lt.hasSimple() && isComparableSimple(lt.getSimple()))) {
      error(label, null, "Branch [" + label + "] condition [" + cmp + "] operand [" + operand + "] is ["
          + FlyteTypes.describe(lt) + "]; only INTEGER, FLOAT, STRING, BOOLEAN, DATETIME and DURATION compare");
      return null;
    }
    return lt;
  }

  private static boolean isComparableSimple(SimpleType s) {
    return s == SimpleType.INTEGER || s == SimpleType.FLOAT || s == SimpleType.STRING || s == SimpleType.BOOLEAN
        || s == SimpleType.DATETIME || s == SimpleType.DURATION;
  }

  private static boolean comparable(LiteralType a, LiteralType b) {
    SimpleType x = a.getSimple();
    SimpleType y = b.getSimple();
    boolean numeric = (x == SimpleType.INTEGER || x == SimpleType.FLOAT) && (y == SimpleType.INTEGER
        || y == SimpleType.FLOAT);
    return x == y || numeric;
  }

  /** Type-checks one binding against the Java type of the input it feeds, recursing into lists and maps. */
  /** {@code callee}: what the node runs ({@code task [greet]}), named in the message; {@code null} for workflow outputs. */
  private void checkBinding(String node, String callee, String input, Binding b, Type expectedJava) {
    String where = "Node [" + node + "]" + (callee == null ? "" : " (" + callee + ")") + " input [" + input + "]";
    LiteralType expected = literalType(node, input, expectedJava);
    if (expected == null) {
      return;
    }
    if (b instanceof Binding.Constant c) {
      checkConstant(node, input, where, c.value(), expectedJava);
    } else if (b instanceof Binding.ListOf list) {
      Type element = typeArgument(expectedJava, List.class, 0);
      if (element == null || !expected.hasCollectionType()) {
        error(node, input, where + ": expected [" + FlyteTypes.describe(expected) + "] but got a list binding");
        return;
      }
      for (Binding item : list.items()) {
        checkBinding(node, callee, input, item, element);
      }
    } else if (b instanceof Binding.MapOf map) {
      Type value = typeArgument(expectedJava, Map.class, 1);
      if (value == null || !expected.hasMapValueType()) {
        error(node, input, where + ": expected [" + FlyteTypes.describe(expected) + "] but got a map binding");
        return;
      }
      for (Binding item : map.entries().values()) {
        checkBinding(node, callee, input, item, value);
      }
    } else {
      Type actualJava = sourceType(node, input, b, where);
      LiteralType actual = actualJava == null ? null : literalType(node, input, actualJava);
      if (actual != null && !FlyteTypes.isAssignable(expected, actual)) {
        error(node, input, where + ": expected [" + FlyteTypes.describe(expected) + "] but [" + b + "] is ["
            + FlyteTypes.describe(actual) + "]");
      }
    }
  }

  private void checkConstant(String node, String input, String where, Object value, Type expectedJava) {
    try {
      engine.toLiteral(value, expectedJava);
    } catch (RuntimeException e) {
      LiteralType expected = literalType(node, input, expectedJava);
      error(node, input, where + ": literal [" + value + "] is not a valid ["
          + (expected == null ? expectedJava.getTypeName() : FlyteTypes.describe(expected)) + "]: " + e.getMessage());
    }
  }

  /** The Java type a workflow input or node output reference carries, or null after recording an error. */
  private Type sourceType(String node, String input, Binding b, String where) {
    if (b instanceof Binding.InputRef ref) {
      Variable v = inputs.get(ref.name());
      if (v == null) {
        error(node, input, where + ": unknown workflow input [" + ref.name() + "]; inputs are " + inputs.keySet());
        return null;
      }
      return v.type();
    }
    if (b instanceof Binding.OutputRef ref) {
      Node up = nodes.get(ref.nodeId());
      if (up == null) {
        error(node, input, where + ": unknown node [" + ref.nodeId() + "]; nodes are " + nodes.keySet());
        return null;
      }
      for (Variable out : up.outputs()) {
        if (out.name().equals(ref.outputName())) {
          return out.type();
        }
      }
      error(node, input, where + ": node [" + ref.nodeId() + "] has no output [" + ref.outputName() + "]; outputs are "
          + names(up.outputs()));
      return null;
    }
    if (b instanceof Binding.Constant c) {
      if (c.value() == null) {
        error(node, input, where + ": a null literal has no type here");
        return null;
      }
      return c.value().getClass();
    }
    if (b instanceof Binding.ListOf list && !list.items().isEmpty()) {
      Type item = sourceType(node, input, list.items().get(0), where);
      return item == null ? null : JavaTypes.listOf(item);
    }
    if (b instanceof Binding.MapOf map && !map.entries().isEmpty()) {
      Type item = sourceType(node, input, map.entries().values().iterator().next(), where);
      return item == null ? null : JavaTypes.mapOf(item);
    }
    error(node, input, where + ": cannot infer the type of [" + b + "]; declare it");
    return null;
  }

  List<Variable> checkOutputs(Map<String, Binding> outputs, Map<String, Type> declared,
      Class<? extends Record> outputRecord) {
    List<Variable> vars = new ArrayList<>();
    for (Map.Entry<String, Binding> e : outputs.entrySet()) {
      String where = "Workflow output [" + e.getKey() + "]";
      Type type = declared.get(e.getKey());
      if (type != null) {
        checkBinding("(outputs)", null, e.getKey(), e.getValue(), type);
      } else {
        type = sourceType(null, e.getKey(), e.getValue(), where);
      }
      if (type != null) {
        vars.add(new Variable(e.getKey(), type));
      }
    }
    if (outputRecord != null) {
      RecordComponent[] rc = outputRecord.getRecordComponents();
      List<String> want = new ArrayList<>();
      for (RecordComponent c : rc) {
        want.add(c.getName());
      }
      if (!want.equals(new ArrayList<>(outputs.keySet()))) {
        error(null, null, "Workflow outputs " + outputs.keySet() + " do not match the components " + want
            + " of output record [" + outputRecord.getName() + "]");
      } else {
        for (int i = 0; vars.size() == rc.length && i < rc.length; i++) {
          LiteralType expected = literalType(null, rc[i].getName(), rc[i].getGenericType());
          LiteralType actual = literalType(null, rc[i].getName(), vars.get(i).type());
          if (expected != null && actual != null && !FlyteTypes.isAssignable(expected, actual)) {
            error(null, rc[i].getName(), "Workflow output [" + rc[i].getName() + "]: record component is ["
                + FlyteTypes.describe(expected) + "] but [" + outputs.get(rc[i].getName()) + "] is ["
                + FlyteTypes.describe(actual) + "]");
          }
        }
      }
    }
    return vars;
  }

  private void checkCycles() {
    Map<String, Set<String>> deps = new LinkedHashMap<>();
    for (Node n : nodeList) {
      Set<String> d = new LinkedHashSet<>(NodeDependencies.of(n));
      d.retainAll(nodes.keySet());
      deps.put(n.id(), d);
    }
    Map<String, Integer> state = new HashMap<>(); // 1 = on stack, 2 = done
    Set<String> reported = new HashSet<>();
    for (String start : deps.keySet()) {
      if (state.containsKey(start)) {
        continue;
      }
      // iterative DFS, so that a 10,000-node chain does not overflow the stack
      List<String> path = new ArrayList<>();
      List<java.util.Iterator<String>> its = new ArrayList<>();
      path.add(start);
      its.add(deps.get(start).iterator());
      state.put(start, 1);
      while (!path.isEmpty()) {
        java.util.Iterator<String> it = its.get(its.size() - 1);
        if (it.hasNext()) {
          String next = it.next();
          Integer s = state.get(next);
          if (s == null) {
            state.put(next, 1);
            path.add(next);
            its.add(deps.get(next).iterator());
          } else if (s == 1) {
            List<String> cycle = new ArrayList<>(path.subList(path.indexOf(next), path.size()));
            if (reported.addAll(cycle)) {
              // path runs from dependant to dependency; print it in execution order
              java.util.Collections.reverse(cycle);
              cycle.add(cycle.get(0));
              error(next, null, "Cycle: " + String.join(" -> ", cycle));
            }
          }
        } else {
          state.put(path.remove(path.size() - 1), 2);
          its.remove(its.size() - 1);
        }
      }
    }
  }

  private LiteralType literalType(String node, String input, Type t) {
    LiteralType lt = literalTypes.get(t);
    if (lt != null || unsupported.contains(t)) {
      return lt;
    }
    try {
      lt = engine.literalTypeOf(t);
      literalTypes.put(t, lt);
      return lt;
    } catch (RuntimeException e) {
      unsupported.add(t);
      error(node, input, (node == null ? "Workflow" : "Node [" + node + "]") + (input == null ? "" : " input [" + input
          + "]") + ": no Flyte type for [" + t.getTypeName() + "]: " + e.getMessage());
      return null;
    }
  }

  private boolean sameOutputs(List<Variable> a, List<Variable> b) {
    if (a.size() != b.size()) {
      return false;
    }
    for (int i = 0; i < a.size(); i++) {
      if (!a.get(i).name().equals(b.get(i).name())) {
        return false;
      }
      LiteralType x = literalType(null, null, a.get(i).type());
      LiteralType y = literalType(null, null, b.get(i).type());
      if (x != null && y != null && !FlyteTypes.isAssignable(x, y)) {
        return false;
      }
    }
    return true;
  }

  private String describe(List<Variable> vars) {
    List<String> parts = new ArrayList<>();
    for (Variable v : vars) {
      LiteralType lt = literalType(null, null, v.type());
      parts.add(v.name() + ": " + (lt == null ? v.type().getTypeName() : FlyteTypes.describe(lt)));
    }
    return parts.toString();
  }

  private static List<String> names(List<Variable> vars) {
    return vars.stream().map(Variable::name).toList();
  }

  private static Type typeArgument(Type t, Class<?> raw, int index) {
    if (t instanceof ParameterizedType p && p.getRawType() instanceof Class<?> c && raw.isAssignableFrom(c)) {
      return p.getActualTypeArguments()[index];
    }
    return null;
  }

  private void error(String node, String input, String message) {
    errors.add(new WiringError(node, input, message));
  }

  void throwIfErrors() {
    if (!errors.isEmpty()) {
      throw new WiringException(workflow, errors);
    }
  }
}
