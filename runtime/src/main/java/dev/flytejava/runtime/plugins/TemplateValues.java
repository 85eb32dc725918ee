package dev.flytejava.runtime.plugins;

import flyteidl.core.Interface.Variable;
import flyteidl.core.Literals.Literal;
import flyteidl.core.Literals.LiteralMap;
import flyteidl.core.Literals.Primitive;
import flyteidl.core.Tasks.TaskTemplate;
import flyteidl.core.Types.LiteralType;
import flyteidl.core.Types.SimpleType;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Primitive inputs of a template-run plugin task as Java values (integers as {@code long}, floats as {@code double}),
 * checked against the template's interface, and the Java classes its primitive outputs are read as.
 */
final class TemplateValues {
  private TemplateValues() {}

  static Map<String, Object> inputs(TaskTemplate template, LiteralMap inputs) {
    Map<String, Object> out = new LinkedHashMap<>();
    String task = template.getId().getName();
    for (Map.Entry<String, Variable> v : template.getInterface().getInputs().getVariablesMap().entrySet()) {
      Literal l = inputs.getLiteralsMap().get(v.getKey());
      if (l == null) {
        throw new IllegalArgumentException("task [" + task + "] has no value for input [" + v.getKey() + "]");
      }
      SimpleType declared = v.getValue().getType().getSimple();
      Object value = primitive(l);
      if (value == null || declared != kindOf(value)) {
        String given = value == null ? "not a primitive" : "[" + value + "], a " + kindOf(value);
        throw new IllegalArgumentException("input [" + v.getKey() + "] of task [" + task + "] is " + given
            + ", but its interface declares " + declared);
      }
      out.put(v.getKey(), value);
    }
    return out;
  }

  static Class<?> javaClass(LiteralType type, String output, String task) {
    return switch (type.getSimple()) {
      case INTEGER -> long.class;
      case FLOAT -> double.class;
      case BOOLEAN -> boolean.class;
      case STRING -> String.class;
      default -> throw new IllegalArgumentException("output [" + output + "] of task [" + task + "] has type [" + type
          + "]; template-run plugin tasks read primitives");
    };
  }

  private static Object primitive(Literal l) {
    if (!l.hasScalar() || !l.getScalar().hasPrimitive()) {
      return null;
    }
    Primitive p = l.getScalar().getPrimitive();
    return switch (p.getValueCase()) {
      case INTEGER -> p.getInteger();
      case FLOAT_VALUE -> p.getFloatValue();
      case BOOLEAN -> p.getBoolean();
      case STRING_VALUE -> p.getStringValue();
      default -> null;
    };
  }

  private static SimpleType kindOf(Object v) {
    return v instanceof Long ? SimpleType.INTEGER : v instanceof Double ? SimpleType.FLOAT
        : v instanceof Boolean ? SimpleType.BOOLEAN : SimpleType.STRING;
  }
}
