package dev.flytejava.runtime.model;

import java.util.List;
import java.util.Objects;

/**
 * The test of a branch case, as Flyte's {@code BooleanExpression}: a comparison of two operands (workflow
 * inputs, upstream outputs or literals, given as {@link Binding}s; lists and maps are not comparable), or an
 * {@code and}/{@code or} of conditions. Operands must hold primitives (integer, float, string, boolean,
 * datetime, duration); integers and floats compare numerically.
 */
public sealed interface Condition permits Condition.Comparison, Condition.And, Condition.Or {

  /** Flyte's {@code ComparisonExpression.Operator}. */
  enum Op {
    EQ("=="), NE("!="), LT("<"), LE("<="), GT(">"), GE(">=");

    private final String symbol;

    Op(String symbol) {
      this.symbol = symbol;
    }

    public String symbol() {
      return symbol;
    }
  }

  static Condition compare(Binding left, Op op, Binding right) {
    return new Comparison(left, op, right);
  }

  static Condition eq(Binding left, Binding right) {
    return new Comparison(left, Op.EQ, right);
  }

  static Condition ne(Binding left, Binding right) {
    return new Comparison(left, Op.NE, right);
  }

  static Condition lt(Binding left, Binding right) {
    return new Comparison(left, Op.LT, right);
  }

  static Condition le(Binding left, Binding right) {
    return new Comparison(left, Op.LE, right);
  }

  static Condition gt(Binding left, Binding right) {
    return new Comparison(left, Op.GT, right);
  }

  static Condition ge(Binding left, Binding right) {
    return new Comparison(left, Op.GE, right);
  }

  default Condition and(Condition other) {
    return new And(this, other);
  }

  default Condition or(Condition other) {
    return new Or(this, other);
  }

  record Comparison(Binding left, Op op, Binding right) implements Condition {
    public Comparison {
      Objects.requireNonNull(left, "left");
      Objects.requireNonNull(op, "op");
      Objects.requireNonNull(right, "right");
      for (Binding b : List.of(left, right)) {
        if (b instanceof Binding.ListOf || b instanceof Binding.MapOf) {
          throw new IllegalArgumentException("A comparison operand must be an input, an output or a literal, not ["
              + b + "]");
        }
      }
    }

    @Override
    public String toString() {
      return left + " " + op.symbol() + " " + right;
    }
  }

  record And(Condition left, Condition right) implements Condition {
    public And {
      Objects.requireNonNull(left, "left");
      Objects.requireNonNull(right, "right");
    }

    @Override
    public String toString() {
      return "(" + left + " && " + right + ")";
    }
  }

  record Or(Condition left, Condition right) implements Condition {
    public Or {
      Objects.requireNonNull(left, "left");
      Objects.requireNonNull(right, "right");
    }

    @Override
    public String toString() {
      return "(" + left + " || " + right + ")";
    }
  }
}
