package dev.flytejava.runtime.exec;

import dev.flytejava.runtime.model.Condition;
import flyteidl.core.Literals.Literal;
import flyteidl.core.Literals.Primitive;

/** A branch {@link Condition} with its operands compiled to resolvers; compares primitive literals. */
abstract class CompiledCondition {
  abstract boolean test(Run run);

  static CompiledCondition and(CompiledCondition a, CompiledCondition b) {
    return new CompiledCondition() {
      @Override
      boolean test(Run run) {
        return a.test(run) && b.test(run);
      }
    };
  }

  static CompiledCondition or(CompiledCondition a, CompiledCondition b) {
    return new CompiledCondition() {
      @Override
      boolean test(Run run) {
        return a.test(run) || b.test(run);
      }
    };
  }

  static CompiledCondition compare(Resolver left, Condition.Op op, Resolver right, String text) {
    return new CompiledCondition() {
      @Override
      boolean test(Run run) {
        int c = compare(primitive(left.resolve(run), text), primitive(right.resolve(run), text), text);
        switch (op) {
          case EQ: return c == 0;
          case NE: return c != 0;
          case LT: return c < 0;
          case LE: return c <= 0;
          case GT: return c > 0;
          default: return c >= 0;
        }
      }
    };
  }

  private static Primitive primitive(Literal l, String text) {
    if (l.hasScalar() && l.getScalar().hasUnion()) {
      l = l.getScalar().getUnion().getValue();
    }
    if (!l.hasScalar() || !l.getScalar().hasPrimitive()) {
      throw new IllegalArgumentException("Condition [" + text + "] needs primitive operands but got [" + l + "]");
    }
    return l.getScalar().getPrimitive();
  }

  static int compare(Primitive a, Primitive b, String text) {
    Primitive.ValueCase x = a.getValueCase();
    Primitive.ValueCase y = b.getValueCase();
    if (x == Primitive.ValueCase.INTEGER && y == Primitive.ValueCase.INTEGER) {
      return Long.compare(a.getInteger(), b.getInteger());
    }
    if (isNumber(x) && isNumber(y)) {
      return Double.compare(number(a), number(b));
    }
    if (x != y) {
      throw new IllegalArgumentException("Condition [" + text + "] compares [" + x + "] with [" + y + "]");
    }
    switch (x) {
      case STRING_VALUE:
        return a.getStringValue().compareTo(b.getStringValue());
      case BOOLEAN:
        return Boolean.compare(a.getBoolean(), b.getBoolean());
      case DATETIME:
        int s = Long.compare(a.getDatetime().getSeconds(), b.getDatetime().getSeconds());
        return s != 0 ? s : Integer.compare(a.getDatetime().getNanos(), b.getDatetime().getNanos());
      case DURATION:
        int d = Long.compare(a.getDuration().getSeconds(), b.getDuration().getSeconds());
        return d != 0 ? d : Integer.compare(a.getDuration().getNanos(), b.getDuration().getNanos());
      default:
        throw new IllegalArgumentException("Condition [" + text + "] cannot compare [" + x + "] values");
    }
  }

  private static boolean isNumber(Primitive.ValueCase c) {
    return c == Primitive.ValueCase.INTEGER || c == Primitive.ValueCase.FLOAT_VALUE;
  }

  private static double number(Primitive p) {
    return p.getValueCase() == Primitive.ValueCase.INTEGER ? p.getInteger() : p.getFloatValue();
  }
}
