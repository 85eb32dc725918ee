package dev.flytejava.testkit.admin;

import com.google.protobuf.util.Durations;
import com.google.protobuf.util.Timestamps;
import flyteidl.core.Condition.BooleanExpression;
import flyteidl.core.Condition.ComparisonExpression;
import flyteidl.core.Condition.ConjunctionExpression;
import flyteidl.core.Condition.Operand;
import flyteidl.core.Literals.Literal;
import flyteidl.core.Literals.LiteralMap;
import flyteidl.core.Literals.Primitive;
import flyteidl.core.Literals.Scalar;

/**
 * Propeller's evaluation of a branch node's conditions: comparisons of two primitives (integers and floats compare
 * as numbers) or of a value with none, joined by and/or. A {@code var} operand names one of the branch node's inputs.
 */
final class BranchConditions {
  private BranchConditions() {}

  static boolean evaluate(BooleanExpression e, LiteralMap inputs) {
    if (e.hasConjunction()) {
      ConjunctionExpression c = e.getConjunction();
      boolean left = evaluate(c.getLeftExpression(), inputs);
      return c.getOperator() == ConjunctionExpression.LogicalOperator.AND
          ? left && evaluate(c.getRightExpression(), inputs)
          : left || evaluate(c.getRightExpression(), inputs);
    }
    ComparisonExpression cmp = e.getComparison();
    Scalar left = operand(cmp.getLeftValue(), inputs);
    Scalar right = operand(cmp.getRightValue(), inputs);
    if (left.hasNoneType() || right.hasNoneType()) {
      boolean same = left.hasNoneType() && right.hasNoneType();
      return switch (cmp.getOperator()) {
        case EQ -> same;
        case NEQ -> !same;
        default -> throw new IllegalArgumentException("a comparison with none must be == or !=, not "
            + cmp.getOperator());
      };
    }
    int order = compare(left.getPrimitive(), right.getPrimitive(), cmp.getOperator());
    return switch (cmp.getOperator()) {
      case EQ -> order == 0;
      case NEQ -> order != 0;
      case GT -> order > 0;
      case GTE -> order >= 0;
      case LT -> order < 0;
      case LTE -> order <= 0;
      case UNRECOGNIZED -> throw new IllegalArgumentException("unknown comparison operator");
    };
  }

  private static Scalar operand(Operand o, LiteralMap inputs) {
    switch (o.getValCase()) {
      case PRIMITIVE:
        return Scalar.newBuilder().setPrimitive(o.getPrimitive()).build();
      case SCALAR:
        return o.getScalar();
      case VAR: {
        Literal value = inputs.getLiteralsMap().get(o.getVar());
        if (value == null) {
          throw new IllegalArgumentException("the condition reads [" + o.getVar() + "], which is not an input of"
              + " the branch node; its inputs: " + inputs.getLiteralsMap().keySet());
        }
        Scalar s = value.getScalar();
        while (s.hasUnion()) {
          s = s.getUnion().getValue().getScalar();
        }
        if (!s.hasPrimitive() && !s.hasNoneType()) {
          throw new IllegalArgumentException("the condition reads [" + o.getVar() + "], which is no primitive: "
              + value.getValueCase() + " " + s.getValueCase());
        }
        return s;
      }
      default:
        throw new IllegalArgumentException("a condition operand is empty");
    }
  }

  private static int compare(Primitive a, Primitive b, ComparisonExpression.Operator op) {
    if (isNumber(a) && isNumber(b)) {
      if (a.hasInteger() && b.hasInteger()) {
        return Long.compare(a.getInteger(), b.getInteger());
      }
      return Double.compare(number(a), number(b));
    }
    if (a.getValueCase() != b.getValueCase()) {
      throw new IllegalArgumentException("cannot compare a " + a.getValueCase().name().toLowerCase() + " with a "
          + b.getValueCase().name().toLowerCase());
    }
    return switch (a.getValueCase()) {
      case STRING_VALUE -> a.getStringValue().compareTo(b.getStringValue());
      case BOOLEAN -> {
        if (op != ComparisonExpression.Operator.EQ && op != ComparisonExpression.Operator.NEQ) {
          throw new IllegalArgumentException("booleans compare only with == or !=, not " + op);
        }
        yield Boolean.compare(a.getBoolean(), b.getBoolean());
      }
      case DATETIME -> Timestamps.compare(a.getDatetime(), b.getDatetime());
      case DURATION -> Durations.compare(a.getDuration(), b.getDuration());
      default -> throw new IllegalArgumentException("an empty primitive in a condition");
    };
  }

  private static boolean isNumber(Primitive p) {
    return p.hasInteger() || p.hasFloatValue();
  }

  private static double number(Primitive p) {
    return p.hasInteger() ? p.getInteger() : p.getFloatValue();
  }
}
