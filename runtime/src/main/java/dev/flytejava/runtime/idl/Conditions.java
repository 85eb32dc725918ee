package dev.flytejava.runtime.idl;

import dev.flytejava.runtime.idl.IdlCompileException.Site;
import dev.flytejava.runtime.model.Binding;
import dev.flytejava.runtime.model.Condition;
import flyteidl.core.Condition.BooleanExpression;
import flyteidl.core.Condition.ComparisonExpression;
import flyteidl.core.Condition.ConjunctionExpression;
import flyteidl.core.Condition.Operand;
import flyteidl.core.Literals.BindingData;
import flyteidl.core.Literals.Literal;
import flyteidl.core.Literals.Scalar;
import java.util.Map;
import java.util.TreeMap;

/**
 * Branch conditions as flytekit's {@code condition.py} writes them: comparisons and conjunctions, a reference
 * operand named {@code <node id>.<var>} ({@code .x} for workflow input {@code x}) and bound under that name as an
 * input of the branch node, and a literal operand as a {@code primitive} ({@code scalar} for none).
 */
final class Conditions {
  private final Bindings bindings;
  private final Problems problems;

  Conditions(Bindings bindings, Problems problems) {
    this.bindings = bindings;
    this.problems = problems;
  }

  /** The branch-node inputs the operands of {@code c} need, by variable name, sorted as flytekit sorts them. */
  static Map<String, BindingData> operandInputs(Iterable<Condition> conditions) {
    Map<String, BindingData> out = new TreeMap<>();
    for (Condition c : conditions) {
      collect(c, out);
    }
    return out;
  }

  BooleanExpression of(Site site, Condition c) {
    if (c instanceof Condition.And a) {
      return conjunction(site, ConjunctionExpression.LogicalOperator.AND, a.left(), a.right());
    }
    if (c instanceof Condition.Or o) {
      return conjunction(site, ConjunctionExpression.LogicalOperator.OR, o.left(), o.right());
    }
    Condition.Comparison cmp = (Condition.Comparison) c;
    return BooleanExpression.newBuilder().setComparison(ComparisonExpression.newBuilder()
        .setOperator(operator(cmp.op()))
        .setLeftValue(operand(site, cmp, cmp.left()))
        .setRightValue(operand(site, cmp, cmp.right()))).build();
  }

  private BooleanExpression conjunction(Site site, ConjunctionExpression.LogicalOperator op, Condition left,
      Condition right) {
    return BooleanExpression.newBuilder().setConjunction(ConjunctionExpression.newBuilder()
        .setOperator(op)
        .setLeftExpression(of(site, left))
        .setRightExpression(of(site, right))).build();
  }

  private Operand operand(Site site, Condition.Comparison cmp, Binding b) {
    String var = operandVar(b);
    if (var != null) {
      return Operand.newBuilder().setVar(var).build();
    }
    Object value = ((Binding.Constant) b).value();
    if (value == null) {
      return Operand.newBuilder().setScalar(Scalar.newBuilder()
          .setNoneType(flyteidl.core.Literals.Void.getDefaultInstance())).build();
    }
    Literal literal = bindings.literal(site, value, value.getClass());
    if (literal == null) {
      return Operand.getDefaultInstance();
    }
    if (!literal.getScalar().hasPrimitive()) {
      problems.add(site, "condition [" + cmp + "] compares with [" + value + "], which is no primitive (integer,"
          + " float, string, boolean, datetime or duration)");
      return Operand.getDefaultInstance();
    }
    return Operand.newBuilder().setPrimitive(literal.getScalar().getPrimitive()).build();
  }

  /** flytekit's {@code create_branch_node_promise_var}, or null for a literal. */
  private static String operandVar(Binding b) {
    if (b instanceof Binding.InputRef ref) {
      return Bindings.GLOBAL_INPUT_NODE_ID + "." + ref.name();
    }
    if (b instanceof Binding.OutputRef ref) {
      return ref.nodeId() + "." + ref.outputName();
    }
    return null;
  }

  private static void collect(Condition c, Map<String, BindingData> out) {
    if (c instanceof Condition.And a) {
      collect(a.left(), out);
      collect(a.right(), out);
    } else if (c instanceof Condition.Or o) {
      collect(o.left(), out);
      collect(o.right(), out);
    } else if (c instanceof Condition.Comparison cmp) {
      for (Binding b : new Binding[] {cmp.left(), cmp.right()}) {
        if (b instanceof Binding.InputRef ref) {
          out.put(operandVar(b), Bindings.promise(Bindings.GLOBAL_INPUT_NODE_ID, ref.name()));
        } else if (b instanceof Binding.OutputRef ref) {
          out.put(operandVar(b), Bindings.promise(ref.nodeId(), ref.outputName()));
        }
      }
    }
  }

  private static ComparisonExpression.Operator operator(Condition.Op op) {
    return switch (op) {
      case EQ -> ComparisonExpression.Operator.EQ;
      case NE -> ComparisonExpression.Operator.NEQ;
      case GT -> ComparisonExpression.Operator.GT;
      case GE -> ComparisonExpression.Operator.GTE;
      case LT -> ComparisonExpression.Operator.LT;
      case LE -> ComparisonExpression.Operator.LTE;
    };
  }
}
